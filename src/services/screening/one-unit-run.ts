// A unit decided outside a screening (an application decided, an application withdrawn) is kept as the only decision
// of a completed one-unit run created by the member of staff, so the case stands on a stored decision with its trace
// like every screened case does.
import type { Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Decision } from '../../policy/core/decision.ts';
import { decisionRow } from './decision-row.ts';

export interface OneUnitRun {
  round: string;
  asOf: string;
  regionCode: string;
  unitId: number;
  decision: Decision;
  inputHash: string;
  policyVersion: string;
  createdBy: string;
  at: Date;
}

/** Stores the run and its decision; returns the run's id. */
export async function storeOneUnitRun(trx: Transaction<Database>, run: OneUnitRun): Promise<number> {
  const { id } = await trx
    .insertInto('screening_runs')
    .values({
      round: run.round,
      as_of: run.asOf,
      region_code: run.regionCode,
      status: 'completed',
      policy_version: run.policyVersion,
      total_units: 1,
      processed_units: 1,
      cursor_unit_id: run.unitId,
      started_at: run.at,
      finished_at: run.at,
      created_by: run.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('refund_decisions')
    .values(
      decisionRow({
        runId: id,
        unitId: run.unitId,
        regionCode: run.regionCode,
        decision: run.decision,
        inputHash: run.inputHash,
        policyVersion: run.policyVersion,
      }),
    )
    .execute();
  return id;
}
