// The kinds of administrative divisions the agency's regions are.

export type RegionKindCode = 'province' | 'city' | 'district' | 'county_city' | 'development_zone';
export const regionKindLabels: Readonly<Record<RegionKindCode, string>> = {
  province: '省',
  city: '市',
  district: '区',
  county_city: '县级市',
  development_zone: '开发区',
};
