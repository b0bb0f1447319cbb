// A tiny refund round for the review and 公示 tests: units, a ledger that passes every condition of 第二条, and cases
// (with their screening run and decisions) written directly, so these tests do not depend on the screening engine.
import type { Kysely } from 'kysely';
import type { Database, EnterpriseSize } from '../../src/adapters/store/schema.ts';
import type { RefundCaseState } from '../../src/domain/refund-case.ts';
import { addPeriods } from '../../src/policy/core/dates.ts';
import { unitAccounts } from './sealed-accounts.ts';

export const ROUND = '2024';
export const AS_OF = '2024-08-15';
export const REGION = '371002';

type Db = Kysely<Database>;

let serial = 0;

export interface UnitSpec {
  name: string;
  size?: EnterpriseSize | null;
  laborDispatch?: boolean;
  regionCode?: string;
}

/** A unit with an 18-character credit code; returns its id and credit code. */
export async function insertUnit(db: Db, spec: UnitSpec): Promise<{ id: number; creditCode: string }> {
  const creditCode = `913710MA3C${String(++serial).padStart(7, '0')}X`;
  const { id } = await db
    .insertInto('units')
    .values({
      credit_code: creditCode,
      name: spec.name,
      org_type: 'enterprise',
      size: spec.size === undefined ? 'small' : spec.size,
      region_code: spec.regionCode ?? REGION,
      labor_dispatch: spec.laborDispatch ?? false,
      ...unitAccounts({ corporate: '6222000000001' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, creditCode };
}

/** Contributions due and paid in full each month from 2023-01 to 2024-07, and 40 insured staff with no layoffs in 2023. */
export async function insertCleanLedger(db: Db, unitId: number, monthlyFen: number, regionCode = REGION): Promise<void> {
  const periods = Array.from({ length: 19 }, (_, i) => addPeriods('2023-01', i));
  await db
    .insertInto('unit_contribution_months')
    .values(periods.map((period) => ({ unit_id: unitId, period, due_fen: monthlyFen, region_code: regionCode })))
    .execute();
  await db
    .insertInto('unit_payments')
    .values(
      periods.map((period) => ({
        unit_id: unitId,
        receipt_no: `R-${unitId}-${period}`,
        period,
        paid_on: `${period}-15`,
        amount_fen: monthlyFen,
        kind: 'contribution' as const,
        region_code: regionCode,
      })),
    )
    .execute();
  await db
    .insertInto('unit_headcounts')
    .values(['2022-12', '2023-12'].map((period) => ({ unit_id: unitId, period, insured_count: 40, region_code: regionCode })))
    .execute();
}

/** A completed screening run of the round. */
export async function insertRun(db: Db): Promise<number> {
  const { id } = await db
    .insertInto('screening_runs')
    .values({
      round: ROUND,
      as_of: AS_OF,
      status: 'completed',
      policy_version: 'fixture',
      total_units: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface CaseSpec {
  state: RefundCaseState;
  amountFen: number;
  layoffRate?: string | null;
  size?: EnterpriseSize | null;
  regionCode?: string;
  /** The decision's payTo (corporate_account unless told). */
  payTo?: 'corporate_account' | 'contribution_account' | null;
}

/** A decision of the run for the unit and the unit's case standing on it. */
export async function insertCase(db: Db, runId: number, unitId: number, spec: CaseSpec): Promise<void> {
  const regionCode = spec.regionCode ?? REGION;
  const status = spec.state === 'ineligible' || spec.state === 'needs_review' ? spec.state : 'eligible';
  await db
    .insertInto('refund_decisions')
    .values({
      run_id: runId,
      unit_id: unitId,
      region_code: regionCode,
      status,
      amount_fen: spec.amountFen,
      base_fen: spec.amountFen * 2,
      ratio_bp: 6000,
      size: spec.size === undefined ? 'small' : spec.size,
      full_months: 19,
      layoffs: 0,
      layoff_rate: spec.layoffRate === undefined ? '0' : spec.layoffRate,
      pay_to: spec.payTo === undefined ? 'corporate_account' : spec.payTo,
      reasons: JSON.stringify(status === 'needs_review' ? ['SIZE_UNKNOWN'] : []),
      trace: JSON.stringify([]),
      input_hash: `fixture-${unitId}`,
      policy_version: 'fixture',
    })
    .execute();
  await db
    .insertInto('refund_cases')
    .values({
      round: ROUND,
      unit_id: unitId,
      region_code: regionCode,
      state: spec.state,
      run_id: runId,
      amount_fen: spec.amountFen,
    })
    .execute();
}

/** A unit with its case in one call; returns the unit. */
export async function insertUnitWithCase(
  db: Db,
  runId: number,
  unit: UnitSpec,
  spec: CaseSpec,
): Promise<{ id: number; creditCode: string }> {
  const inserted = await insertUnit(db, unit);
  await insertCase(db, runId, inserted.id, { regionCode: unit.regionCode, ...spec });
  return inserted;
}

export async function caseState(
  db: Db,
  unitId: number,
): Promise<{ state: RefundCaseState; batch_id: number | null; notice_id: number | null; amount_fen: number }> {
  return db
    .selectFrom('refund_cases')
    .select(['state', 'batch_id', 'notice_id', 'amount_fen'])
    .where('round', '=', ROUND)
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
}
