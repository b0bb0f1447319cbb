// Where generated units sit (SPEC «Regions») and which ID-number area codes their people carry.
import type { Rng } from './prng.ts';
import type { ScaleSpec } from './scales.ts';

export interface RegionInfo {
  code: string;
  /** The place in company names, e.g. 威海 or 荣成. */
  namePrefix: string;
  /** The full area name in names of agencies and institutions, e.g. 威海市环翠区 or 荣成市. */
  areaName: string;
  /** Area code for ID numbers of people born there (development zones take their host district's code). */
  idArea: string;
  weight: number;
}

const WEIHAI: readonly RegionInfo[] = [
  { code: '371002', areaName: '威海市环翠区', namePrefix: '威海', idArea: '371002', weight: 30 },
  { code: '371003', areaName: '威海市文登区', namePrefix: '威海文登', idArea: '371003', weight: 14 },
  { code: '371082', areaName: '荣成市', namePrefix: '荣成', idArea: '371082', weight: 18 },
  { code: '371083', areaName: '乳山市', namePrefix: '乳山', idArea: '371083', weight: 10 },
  { code: '371071', areaName: '威海火炬高技术产业开发区', namePrefix: '威海', idArea: '371002', weight: 12 },
  { code: '371072', areaName: '威海经济技术开发区', namePrefix: '威海', idArea: '371002', weight: 10 },
  { code: '371073', areaName: '威海临港经济技术开发区', namePrefix: '威海', idArea: '371003', weight: 6 },
];

/** Shandong's other fifteen cities by code, name and a rough weight of their number of insured units. */
const OTHER_CITIES: readonly (readonly [string, string, number])[] = [
  ['370100', '济南', 12],
  ['370200', '青岛', 16],
  ['370300', '淄博', 6],
  ['370400', '枣庄', 3],
  ['370500', '东营', 4],
  ['370600', '烟台', 9],
  ['370700', '潍坊', 9],
  ['370800', '济宁', 7],
  ['370900', '泰安', 4],
  ['371100', '日照', 3],
  ['371300', '临沂', 8],
  ['371400', '德州', 4],
  ['371500', '聊城', 4],
  ['371600', '滨州', 3],
  ['371700', '菏泽', 5],
];
const WEIHAI_SHARE_OF_PROVINCE = 5;

/** A city's own code serves as region; its people's IDs carry the code of its first urban district (…02). */
const PROVINCE: readonly RegionInfo[] = [
  ...OTHER_CITIES.map(([code, name, weight]) => ({
    code,
    areaName: `${name}市`,
    namePrefix: name,
    idArea: `${code.slice(0, 4)}02`,
    weight,
  })),
  ...WEIHAI.map((r) => ({ ...r, weight: (r.weight * WEIHAI_SHARE_OF_PROVINCE) / 100 })),
];

export function regionsOf(spec: ScaleSpec): readonly RegionInfo[] {
  return spec.regions === 'weihai' ? WEIHAI : PROVINCE;
}

/** Every area code a generated ID number may carry (local ones plus birthplaces elsewhere in Shandong). */
export const ID_AREAS: readonly string[] = [...new Set(PROVINCE.map((r) => r.idArea))].sort();

const SHARE_BORN_ELSEWHERE = 0.2;

export function pickRegion(rng: Rng, regions: readonly RegionInfo[]): RegionInfo {
  return rng.weighted(regions.map((r) => [r, r.weight] as const));
}

/** A person's ID area: mostly the unit's own, sometimes a birthplace elsewhere in the province. */
export function pickIdArea(rng: Rng, region: RegionInfo): string {
  return rng.chance(SHARE_BORN_ELSEWHERE) ? rng.pick(ID_AREAS) : region.idArea;
}
