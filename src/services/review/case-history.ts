// A case's history in a round: every change with who, when, what, before and after.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';

export interface CaseEvent {
  id: number;
  action: string;
  fromState: string | null;
  toState: string;
  actor: string;
  note: string | null;
  before: unknown;
  after: unknown;
  at: Date;
}

export async function caseHistory(db: Kysely<Database>, round: string, unitId: number): Promise<CaseEvent[]> {
  const rows = await db
    .selectFrom('refund_case_events')
    .selectAll()
    .where('round', '=', round)
    .where('unit_id', '=', unitId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    actor: r.actor,
    note: r.note,
    before: r.before,
    after: r.after,
    at: r.at,
  }));
}
