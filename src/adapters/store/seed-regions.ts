// Shandong's 16 cities and Weihai's districts, county-level cities and national development zones
// (statistical division codes, as in the policy specification's "Regions"). Existing rows are left as they are.

import type { Insertable, Kysely } from 'kysely';
import type { Database, RegionsTable } from './schema.ts';

const PROVINCE = '370000';
const WEIHAI = '371000';

const CITIES: readonly [string, string][] = [
  ['370100', '济南市'],
  ['370200', '青岛市'],
  ['370300', '淄博市'],
  ['370400', '枣庄市'],
  ['370500', '东营市'],
  ['370600', '烟台市'],
  ['370700', '潍坊市'],
  ['370800', '济宁市'],
  ['370900', '泰安市'],
  [WEIHAI, '威海市'],
  ['371100', '日照市'],
  ['371300', '临沂市'],
  ['371400', '德州市'],
  ['371500', '聊城市'],
  ['371600', '滨州市'],
  ['371700', '菏泽市'],
];

const WEIHAI_AREAS: readonly Insertable<RegionsTable>[] = [
  { code: '371002', name: '环翠区', parent_code: WEIHAI, kind: 'district' },
  { code: '371003', name: '文登区', parent_code: WEIHAI, kind: 'district' },
  { code: '371082', name: '荣成市', parent_code: WEIHAI, kind: 'county_city' },
  { code: '371083', name: '乳山市', parent_code: WEIHAI, kind: 'county_city' },
  { code: '371071', name: '威海火炬高技术产业开发区', parent_code: WEIHAI, kind: 'development_zone' },
  { code: '371072', name: '威海经济技术开发区', parent_code: WEIHAI, kind: 'development_zone' },
  { code: '371073', name: '威海临港经济技术开发区', parent_code: WEIHAI, kind: 'development_zone' },
];

/** Parents before children. */
export const SEED_REGIONS: readonly Insertable<RegionsTable>[] = [
  { code: PROVINCE, name: '山东省', parent_code: null, kind: 'province' },
  ...CITIES.map(([code, name]) => ({ code, name, parent_code: PROVINCE, kind: 'city' as const })),
  ...WEIHAI_AREAS,
];

export async function seedRegions(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('regions')
    .values([...SEED_REGIONS])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}
