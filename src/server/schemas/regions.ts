// The statistical regions (行政区划) the agency works in, as the console's pickers and labels read them.
import { z } from 'zod';

export const region = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  kind: z.enum(['province', 'city', 'district', 'county_city', 'development_zone']),
});
export const regionList = z.array(region);
