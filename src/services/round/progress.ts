// How far a round has come: its cases by workflow state, with amounts, in the order of the workflow.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { refundCaseStates, stateLabel, type RefundCaseState } from '../../domain/refund-case.ts';
import { formatYuan } from '../../policy/core/money.ts';

export interface StateTally {
  state: RefundCaseState;
  label: string;
  units: number;
  amountFen: number;
  amountYuan: string;
}

export async function roundProgress(db: Kysely<Database>, round: string): Promise<StateTally[]> {
  const rows = await db
    .selectFrom('refund_cases')
    .select([
      'state',
      (eb) => eb.fn.countAll<number>().as('units'),
      sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('amount'),
    ])
    .where('round', '=', round)
    .groupBy('state')
    .execute();
  const byState = new Map(rows.map((r) => [r.state, r]));
  return refundCaseStates.map((state) => {
    const row = byState.get(state);
    const amountFen = Number(row?.amount ?? 0);
    return { state, label: stateLabel(state), units: Number(row?.units ?? 0), amountFen, amountYuan: formatYuan(amountFen) };
  });
}
