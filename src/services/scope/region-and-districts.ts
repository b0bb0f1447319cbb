// A region and the districts under it, as a subquery for `column IN …`: a city account's lists cover its districts, a
// district account's only its own.
import { sql, type RawBuilder } from 'kysely';

export function regionAndDistricts(regionCode: string): RawBuilder<unknown> {
  return sql`(SELECT code FROM regions WHERE code = ${regionCode} OR parent_code = ${regionCode})`;
}
