// The regions a staff account may see and act on: its own region and every region under it. The region tree is read
// once per server (regions are reference data seeded by migration) and each account's scope is derived from it.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { TouchedRegions } from './access.ts';

export interface RegionTree {
  /** The codes of `code` and all regions below it. */
  scopeOf(code: string): ReadonlySet<string>;
  /** True when an account scoped to `code` covers the whole data set. */
  coversAll(code: string): boolean;
}

export async function loadRegionTree(db: Kysely<Database>): Promise<RegionTree> {
  const regions = await db.selectFrom('regions').select(['code', 'parent_code']).execute();
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
  return { scopeOf, coversAll: (code) => scopeOf(code).size >= regions.length };
}

/** True when every touched region lies within the account's scope. */
export function withinScope(tree: RegionTree, accountRegion: string, touched: TouchedRegions): boolean {
  if (touched === 'all') return tree.coversAll(accountRegion);
  const scope = tree.scopeOf(accountRegion);
  return touched.every((code) => scope.has(code));
}
