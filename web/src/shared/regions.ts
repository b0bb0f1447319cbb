// The regions (行政区划) the console names and filters by, as GET /api/v1/regions returns them: loaded once when a
// member of staff is signed in, then read synchronously by the pages.
import { useEffect, useState } from 'react';
import { api } from './api.ts';
import type { Region } from './types.ts';

let regions: readonly Region[] = [];

/** True once the regions are loaded (or failed to load: names then fall back to the code). */
export function useRegions(signedIn: boolean): boolean {
  const [ready, setReady] = useState(regions.length > 0);
  useEffect(() => {
    if (!signedIn || regions.length > 0) return;
    void api<Region[]>('/regions')
      .then(
        (loaded) => {
          regions = loaded;
        },
        () => undefined,
      )
      .finally(() => setReady(true));
  }, [signedIn]);
  return ready;
}

export function regionKind(code: string): Region['kind'] | undefined {
  return regions.find((r) => r.code === code)?.kind;
}

export function regionLabel(code: string, fromServer?: string): string {
  return fromServer ?? regions.find((r) => r.code === code)?.name ?? `地区 ${code}`;
}

/** The regions an account scoped to `code` may filter by: its own region and every area under it (parents first). */
export function regionsWithin(code: string): { value: string; label: string }[] {
  const within = new Set([code]);
  for (const r of regions) if (r.parentCode && within.has(r.parentCode)) within.add(r.code);
  return regions.filter((r) => within.has(r.code)).map((r) => ({ value: r.code, label: r.name }));
}

/**
 * The region a staff account's lists are filtered to when no other is chosen: its own, unless it is the province
 * (the whole data set). The server refuses a list without a region to a district account (403 OUT_OF_SCOPE).
 */
export function ownRegionFilter(code: string): string | undefined {
  return regions.some((r) => r.code === code && r.parentCode === null) ? undefined : code;
}
