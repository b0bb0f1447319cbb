// Every change to a unit's refund case in a round goes through here: the state machine of src/domain/refund-case.ts
// decides the next state, and the case row, its event (who, what, before, after) and its audit entry are written
// together in the caller's transaction.
import type { Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Status } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import {
  nextState,
  stateLabel,
  TransitionError,
  type Actor,
  type RefundCaseAction,
  type RefundCaseState,
} from '../../domain/refund-case.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { Refusal } from '../../domain/refusal.ts';

/** The case columns a transition may change besides the state. */
export interface CasePatch {
  run_id: number;
  amount_fen: Fen;
  batch_id: number | null;
  notice_id: number | null;
}

export interface CaseTransition {
  round: string;
  unitId: number;
  action: RefundCaseAction;
  actor: Actor;
  note?: string;
  patch?: Partial<CasePatch>;
  /** The new decision's status, for the actions that re-decide a case (rescreen, resolve). */
  decided?: Status;
  /** Refuse the change when the case has moved on since the caller read it. */
  expectedState?: RefundCaseState;
  /** When it happened (from the caller's Clock); the database's now() otherwise. */
  at?: Date;
}

/** The action recorded when screening opens a case (there is no state before it). */
export const CASE_OPENED_ACTION = 'screen';

export class CaseNotFoundError extends Refusal {
  constructor(round: string, unitId: number) {
    super('NOT_FOUND', `${round} 年度没有单位 ${unitId} 的稳岗返还案件`);
  }
}

/** How an actor is written in events and updated_by: staff by name, a unit by its credit code, the system as 系统. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'staff':
      return actor.name;
    case 'unit':
      return `单位:${actor.creditCode}`;
    case 'system':
      return '系统';
  }
}

/** Applies one action to a case and records it; returns the new state. */
export async function applyCaseTransition(trx: Transaction<Database>, change: CaseTransition): Promise<RefundCaseState> {
  await lockAuditLog(trx); // before the case row: every transition takes the two locks in the same order
  const current = await trx
    .selectFrom('refund_cases')
    .select(['state', 'run_id', 'amount_fen', 'batch_id', 'notice_id', 'version'])
    .where('round', '=', change.round)
    .where('unit_id', '=', change.unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw new CaseNotFoundError(change.round, change.unitId);
  if (change.expectedState && current.state !== change.expectedState) {
    throw new TransitionError(
      `案件状态已变更：当前为「${stateLabel(current.state)}」，不是「${stateLabel(change.expectedState)}」，请刷新后重试`,
      'ILLEGAL_TRANSITION',
    );
  }
  const state = nextState(current.state, change.action, change.actor, change.decided);
  const name = actorName(change.actor);
  const after = { ...current, ...change.patch, state, version: current.version + 1 };
  await trx
    .updateTable('refund_cases')
    .set({ ...change.patch, state, version: after.version, updated_by: name, ...(change.at && { updated_at: change.at }) })
    .where('round', '=', change.round)
    .where('unit_id', '=', change.unitId)
    .execute();
  await trx
    .insertInto('refund_case_events')
    .values({
      round: change.round,
      unit_id: change.unitId,
      action: change.action,
      from_state: current.state,
      to_state: state,
      actor: name,
      note: change.note ?? null,
      before: JSON.stringify(current),
      after: JSON.stringify(after),
      ...(change.at && { at: change.at }),
    })
    .execute();
  await appendAudit(trx, {
    actor: name,
    action: `case.${change.action}`,
    subject: auditSubject.refundCase(change.round, change.unitId),
    detail: { from: current.state, to: state, note: change.note ?? null },
    at: change.at,
  });
  return state;
}

/** The cases a review batch or a public notice holds. */
export type CaseGroup = { batch_id: number } | { notice_id: number };

/** Moves every case of the group that is in `from` with the same action, in unit order; returns how many moved. */
export async function transitionGroup(
  trx: Transaction<Database>,
  change: { round: string; group: CaseGroup; from: RefundCaseState } & Pick<CaseTransition, 'action' | 'actor' | 'note' | 'at'>,
): Promise<number> {
  const { round, group, from, ...transition } = change;
  let query = trx.selectFrom('refund_cases').select('unit_id').where('round', '=', round).where('state', '=', from);
  query = 'batch_id' in group ? query.where('batch_id', '=', group.batch_id) : query.where('notice_id', '=', group.notice_id);
  const cases = await query.orderBy('unit_id').execute();
  for (const c of cases) await applyCaseTransition(trx, { ...transition, round, unitId: c.unit_id, expectedState: from });
  return cases.length;
}
