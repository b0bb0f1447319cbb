// The regions a staff account may see and act on: its own region and every region under it. The region tree is read
// once per server (regions are reference data seeded by migration) and each account's scope is derived from it.
// The whole data set is the agency's jurisdiction (统筹区, WENGANG_AGENCY_REGION: Weihai 371000 by default, the
// province 370000 for a provincial deployment): an account covers it when its region is that region or above it.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { TouchedRegions } from './access.ts';

export interface RegionTree {
  /** The codes of `code` and all regions below it. */
  scopeOf(code: string): ReadonlySet<string>;
  /** True when an account scoped to `code` covers the whole data set (the agency's jurisdiction). */
  coversAll(code: string): boolean;
}

export async function loadRegionTree(db: Kysely<Database>, agencyRegion: string): Promise<RegionTree> {
  const regions = await db.selectFrom('regions').select(['code', 'parent_code']).execute();
  if (!regions.some((region) => region.code === agencyRegion))
    throw new Error(`unknown agency region ${agencyRegion} (WENGANG_AGENCY_REGION)`);
  const children = new Map<string, string[]>();
  for (const region of regions) {
    if (region.parent_code) children.set(region.parent_code, [...(children.get(region.parent_code) ?? []), region.code]);
  }
  const scopes = new Map<string, ReadonlySet<string>>();
  const scopeOf = (code: string): ReadonlySet<string> => {
    let scope = scopes.get(code);
    if (!scope) {
      const found = new Set<string>();
      const stack = [code];
      while (stack.length > 0) {
        const next = stack.pop()!;
        found.add(next);
        stack.push(...(children.get(next) ?? []));
      }
      scopes.set(code, found);
      scope = found;
    }
    return scope;
  };
  return { scopeOf, coversAll: (code) => scopeOf(code).has(agencyRegion) };
}

/** True when every touched region lies within the account's scope. */
export function withinScope(tree: RegionTree, accountRegion: string, touched: TouchedRegions): boolean {
  if (touched === 'all') return tree.coversAll(accountRegion);
  const scope = tree.scopeOf(accountRegion);
  return touched.every((code) => scope.has(code));
}
