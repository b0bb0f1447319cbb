// One unit's refund input (鲁人社发〔2024〕8号 第二条) in a single statement: its record, the exclusion flags in force,
// the dues, receipts and headcount figures, and the case workers' overrides, built exactly as the chunk read
// builds them (same figures, same hash). Opening a decision re-decides its unit, so this is one round trip, not six.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import { headcountFigures, monthlyDues, paymentReceipts, unitInput, type UnitInput } from './refund-inputs.ts';

export interface OneUnitQuery {
  round: string;
  asOf: IsoDate;
  baseYear: number;
  unitId: number;
}

/** The unit's input, or undefined when there is no such unit. */
export async function loadUnitInput(db: Kysely<Database>, query: OneUnitQuery): Promise<UnitInput | undefined> {
  const { round, asOf, baseYear, unitId } = query;
  const scope = sql<boolean>`unit_id = ${unitId}`;
  const row = await db
    .selectFrom('units as u')
    .leftJoin(monthlyDues(db, scope, asOf).as('m'), 'm.unit_id', 'u.id')
    .leftJoin(paymentReceipts(db, scope, asOf).as('p'), 'p.unit_id', 'u.id')
    .leftJoin(headcountFigures(db, scope, baseYear).as('h'), 'h.unit_id', 'u.id')
    .selectAll('u')
    .select(['m.rows as months', 'p.rows as payments', 'h.start', 'h.end', 'h.retired', 'h.first_month'])
    .select((eb) => [
      eb
        .selectFrom('unit_flags')
        .where('unit_id', '=', unitId)
        .where('from_date', '<=', asOf)
        .where((f) => f.or([f('to_date', 'is', null), f('to_date', '>=', asOf)]))
        .select(sql<string[]>`coalesce(array_agg(flag ORDER BY flag), '{}')`.as('flags'))
        .as('flags'),
      eb
        .selectFrom('decision_overrides')
        .where('unit_id', '=', unitId)
        .where('round', '=', round)
        .select(
          sql<
            { field: string; value: unknown }[] | null
          >`json_agg(json_build_object('field', field, 'value', value) ORDER BY field)`.as('overrides'),
        )
        .as('overrides'),
    ])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { start, end, retired, first_month } = row;
  return unitInput(
    row,
    {
      flags: row.flags ?? [],
      monthsText: row.months ?? '',
      paymentsText: row.payments ?? '',
      headcount: start === null || end === null || retired === null ? undefined : { start, end, retired, first_month },
      overrides: row.overrides ?? undefined,
    },
    asOf,
  );
}
