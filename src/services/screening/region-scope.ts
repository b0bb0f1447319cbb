// A region given to a screening covers itself and every area under it (a city its districts, the province all).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { Refusal } from '../../domain/refusal.ts';

export class UnknownRegionError extends Refusal {
  constructor(code: string) {
    super('INVALID', `没有行政区划代码为 ${code} 的地区`);
  }
}

/** The codes of `code` and all regions below it. */
export async function regionScope(db: Kysely<Database>, code: string): Promise<string[]> {
  const regions = await db.selectFrom('regions').select(['code', 'parent_code']).execute();
  if (!regions.some((r) => r.code === code)) throw new UnknownRegionError(code);
  const scope = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of regions) {
      if (r.parent_code && scope.has(r.parent_code) && !scope.has(r.code)) {
        scope.add(r.code);
        grew = true;
      }
    }
  }
  return [...scope].sort();
}
