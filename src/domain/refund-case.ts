// A unit's job-retention refund case in one round, as a state machine (鲁人社发〔2024〕8号 第二条、第七条、第八条):
// screened → proposed → approved → in_notice → notice_passed → notified → confirmed → paid (once the bank's return settles the payment).
// A case can only move along the transitions below; each names the role that may take it.
import type { StaffRole } from './staff-roles.ts';
import { refundCaseStateLabels, refundCaseStates, type RefundCaseState } from './vocabulary/cases.ts';
import { Refusal } from './refusal.ts';

export { refundCaseStates, type RefundCaseState };

export type RefundCaseAction =
  | 'rescreen'
  | 'resolve'
  | 'apply'
  | 'propose'
  | 'approve'
  | 'return'
  | 'publish'
  | 'object'
  | 'close_notice'
  | 'notify'
  | 'confirm'
  | 'pay';

export type { StaffRole };
export type Actor = { kind: 'staff'; role: StaffRole; name: string } | { kind: 'unit'; creditCode: string } | { kind: 'system' };

interface Transition {
  from: readonly RefundCaseState[];
  to: RefundCaseState | 'by_decision';
  by: readonly (StaffRole | 'unit' | 'system')[];
}

export const refundCaseTransitions: Readonly<Record<RefundCaseAction, Transition>> = {
  rescreen: { from: ['eligible', 'needs_review', 'ineligible'], to: 'by_decision', by: ['case_worker', 'system'] },
  resolve: { from: ['needs_review', 'eligible', 'ineligible'], to: 'by_decision', by: ['case_worker'] },
  // A dispatch unit's own application through the enterprise portal (鲁人社发〔2024〕8号 第二条 劳务派遣单位).
  apply: { from: ['needs_review', 'eligible', 'ineligible'], to: 'by_decision', by: ['unit'] },
  propose: { from: ['eligible'], to: 'proposed', by: ['case_worker'] },
  approve: { from: ['proposed'], to: 'approved', by: ['reviewer'] },
  return: { from: ['proposed'], to: 'needs_review', by: ['reviewer'] },
  publish: { from: ['approved'], to: 'in_notice', by: ['case_worker', 'reviewer'] },
  object: { from: ['in_notice'], to: 'needs_review', by: ['case_worker', 'reviewer'] },
  close_notice: { from: ['in_notice'], to: 'notice_passed', by: ['system', 'case_worker', 'reviewer'] },
  notify: { from: ['notice_passed', 'notified'], to: 'notified', by: ['system', 'case_worker'] },
  confirm: { from: ['notified'], to: 'confirmed', by: ['unit'] },
  pay: { from: ['confirmed'], to: 'paid', by: ['finance', 'system'] },
};

/** A move the state machine refuses: not allowed from this state (CONFLICT), or not for this actor (FORBIDDEN). */
export class TransitionError extends Refusal {
  constructor(
    message: string,
    readonly reason: 'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED' | 'SAME_PERSON',
  ) {
    super(reason === 'ILLEGAL_TRANSITION' ? 'CONFLICT' : 'FORBIDDEN', message);
  }
}

export function stateLabel(state: RefundCaseState): string {
  return refundCaseStateLabels[state];
}

function actorRole(actor: Actor): StaffRole | 'unit' | 'system' {
  return actor.kind === 'staff' ? actor.role : actor.kind;
}

/** The state after `action`, or an error in Chinese when the action is not allowed now or not for this actor. */
export function nextState(
  current: RefundCaseState,
  action: RefundCaseAction,
  actor: Actor,
  decided?: 'eligible' | 'ineligible' | 'needs_review',
): RefundCaseState {
  const t = refundCaseTransitions[action];
  if (!t.from.includes(current)) {
    throw new TransitionError(`案件当前状态为「${stateLabel(current)}」，不能执行此操作`, 'ILLEGAL_TRANSITION');
  }
  if (!t.by.includes(actorRole(actor))) throw new TransitionError('当前角色无权执行此操作', 'ROLE_NOT_ALLOWED');
  if (t.to !== 'by_decision') return t.to;
  if (!decided) throw new RangeError('a re-decided case needs the new decision status');
  return decided;
}

/** Maker-checker: whoever proposed a batch may never approve or return it. */
export function assertDifferentPerson(proposer: string, reviewer: string): void {
  if (proposer === reviewer) throw new TransitionError('复核人不能与提交人为同一人（双人复核）', 'SAME_PERSON');
}
