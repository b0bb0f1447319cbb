// Who may keep the pilot spending register (鲁人社发〔2024〕8号 第六条、第八条：规范资金管理): finance records the sealed
// balance, the plan filing and the commitments; a second member of finance, or a reviewer, reviews the filing.
import type { Actor } from '../../domain/refund-case.ts';
import { Refusal } from '../../domain/refusal.ts';

export type StaffActor = Actor & { kind: 'staff' };

export function assertFundRecorder(actor: Actor): asserts actor is StaffActor {
  if (actor.kind === 'staff' && actor.role === 'finance') return;
  throw new Refusal('FORBIDDEN', '只有财务人员可以登记扩大支出范围试点的额度、备案和支出');
}

export function assertPlanReviewer(actor: Actor): asserts actor is StaffActor {
  if (actor.kind === 'staff' && (actor.role === 'finance' || actor.role === 'reviewer')) return;
  throw new Refusal('FORBIDDEN', '只有财务人员或复核员可以复核实施方案备案');
}
