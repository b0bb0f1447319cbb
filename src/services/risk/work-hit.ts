// A risk hit as work (鲁人社发〔2024〕8号 第八条：健全审核机制，严防欺诈、冒领和多发待遇): a case worker proposes to clear
// it (no problem) or to confirm it, with a note and, after payment, the amount to recover; a reviewer who is not the
// proposer approves or returns the proposal. A cleared hit releases what it held; a confirmed hit after payment posts
// a receivable, and finance (not the proposer or the approver) records each repayment until it is recovered.
// Every step is audited in its own transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { assertDifferentPerson, type Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';
import { expenseAccountOf, isPaymentPurpose } from '../../domain/payment-purposes.ts';
import { riskHitStatusLabels, type RiskProposal } from '../../domain/vocabulary/risk.ts';
import { isValidDate, type IsoDate } from '../../policy/core/dates.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { postRecoveryReceivable, postRecoveryRepayment } from '../ledger/post.ts';
import { Refusal } from '../../domain/refusal.ts';

const subject = (hitId: number) => `risk_hit:${hitId}`;

function assertRole(actor: Actor, role: StaffRole, what: string): string {
  if (actor.kind !== 'staff' || actor.role !== role) throw new Refusal('FORBIDDEN', `只有${what}可以办理此操作`);
  return actor.name;
}

async function lockHit(trx: Transaction<Database>, hitId: number) {
  await lockAuditLog(trx);
  const hit = await trx.selectFrom('risk_hits').selectAll().where('id', '=', hitId).forUpdate().executeTakeFirst();
  if (!hit) throw new Refusal('NOT_FOUND', `风险疑点 #${hitId} 不存在`);
  return hit;
}

function requiredNote(note: string | undefined, what: string): string {
  const trimmed = note?.trim();
  if (!trimmed) throw new Refusal('INVALID', `${what}须填写核查意见`);
  return trimmed;
}

export interface ProposeResolution {
  hitId: number;
  proposal: RiskProposal;
  note: string;
  /** After payment, when confirming: the amount to recover (the hit's amount unless given). */
  recoveryFen?: Fen;
  actor: Actor;
  clock: Clock;
}

export async function proposeResolution(db: Kysely<Database>, request: ProposeResolution): Promise<void> {
  const by = assertRole(request.actor, 'case_worker', '经办员');
  const note = requiredNote(request.note, '提出处理意见');
  await db.transaction().execute(async (trx) => {
    const hit = await lockHit(trx, request.hitId);
    if (hit.status !== 'open')
      throw new Refusal('CONFLICT', `风险疑点 #${hit.id} ${riskHitStatusLabels[hit.status]}，不能再提出处理意见`);
    let recoveryFen: Fen | null = null;
    if (request.proposal === 'confirm' && hit.stage === 'after_payment') {
      recoveryFen = request.recoveryFen ?? hit.amount_fen;
      if (recoveryFen === null || !Number.isSafeInteger(recoveryFen) || recoveryFen <= 0) {
        throw new Refusal('INVALID', '确认支付后的问题须填写应追回金额（分，正整数）');
      }
    }
    await trx
      .updateTable('risk_hits')
      .set({
        status: 'proposed',
        proposal: request.proposal,
        proposal_note: note,
        recovery_fen: recoveryFen,
        proposed_by: by,
        proposed_at: request.clock.now(),
      })
      .where('id', '=', hit.id)
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'risk_hit.propose',
      subject: subject(hit.id),
      clock: request.clock,
      detail: { proposal: request.proposal, note, ...(recoveryFen !== null && { recoveryFen }) },
    });
  });
}

export interface DecideResolution {
  hitId: number;
  approve: boolean;
  note?: string;
  actor: Actor;
  clock: Clock;
}

export async function decideResolution(db: Kysely<Database>, request: DecideResolution): Promise<void> {
  const by = assertRole(request.actor, 'reviewer', '复核员');
  const note = request.approve ? request.note?.trim() || null : requiredNote(request.note, '退回处理意见');
  await db.transaction().execute(async (trx) => {
    const hit = await lockHit(trx, request.hitId);
    if (hit.status !== 'proposed' || !hit.proposal || !hit.proposed_by) {
      throw new Refusal('CONFLICT', `风险疑点 #${hit.id} ${riskHitStatusLabels[hit.status]}，没有待复核的处理意见`);
    }
    assertDifferentPerson(hit.proposed_by, by);
    const at = request.clock.now();
    await recordAudit(trx, {
      actor: request.actor,
      action: request.approve ? 'risk_hit.approve' : 'risk_hit.return',
      subject: subject(hit.id),
      clock: request.clock,
      detail: { proposal: hit.proposal, ...(note && { note }) },
    });
    if (!request.approve) {
      await trx
        .updateTable('risk_hits')
        .set({ status: 'open', proposal: null, recovery_fen: null, decided_by: null, decided_at: null })
        .where('id', '=', hit.id)
        .execute();
      return;
    }
    const status = hit.proposal === 'clear' ? 'cleared' : 'confirmed';
    await trx
      .updateTable('risk_hits')
      .set({ status, proposal: null, decided_by: by, decided_at: at })
      .where('id', '=', hit.id)
      .execute();
    if (status === 'confirmed' && hit.recovery_fen) {
      const payment =
        hit.payment_id === null
          ? undefined
          : await trx.selectFrom('payments').select('purpose').where('id', '=', hit.payment_id).executeTakeFirstOrThrow();
      const expenseAccount = payment && isPaymentPurpose(payment.purpose) ? expenseAccountOf[payment.purpose] : undefined;
      await postRecoveryReceivable(trx, {
        hitId: hit.id,
        paymentId: hit.payment_id ?? undefined,
        expenseAccount,
        amountFen: hit.recovery_fen,
        by,
        at,
      });
    }
  });
}

export interface RecordRepayment {
  hitId: number;
  amountFen: Fen;
  receivedOn: IsoDate;
  reference: string;
  actor: Actor;
  clock: Clock;
}

export async function recordRepayment(
  db: Kysely<Database>,
  request: RecordRepayment,
): Promise<{ repaidFen: Fen; recovered: boolean }> {
  const by = assertRole(request.actor, 'finance', '财务人员');
  const reference = request.reference.trim();
  if (!reference) throw new Refusal('INVALID', '须填写到账凭证号');
  if (!isValidDate(request.receivedOn)) throw new Refusal('INVALID', '到账日期须为有效的 YYYY-MM-DD');
  if (!Number.isSafeInteger(request.amountFen) || request.amountFen <= 0)
    throw new Refusal('INVALID', '追回金额须为正整数（分）');
  return db.transaction().execute(async (trx) => {
    const hit = await lockHit(trx, request.hitId);
    if (hit.status !== 'confirmed' || !hit.recovery_fen) throw new Refusal('CONFLICT', `风险疑点 #${hit.id} 没有待追回的款项`);
    if (by === hit.proposed_by || by === hit.decided_by)
      throw new Refusal('FORBIDDEN', '登记追回款的财务人员不能是提出或复核该疑点的人');
    const outstanding = hit.recovery_fen - hit.repaid_fen;
    if (request.amountFen > outstanding) {
      throw new Refusal('INVALID', `追回金额 ${formatYuan(request.amountFen)} 元超过尚未追回的 ${formatYuan(outstanding)} 元`);
    }
    const { n } = await trx
      .selectFrom('risk_repayments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('hit_id', '=', hit.id)
      .executeTakeFirstOrThrow();
    const seq = Number(n) + 1;
    const at = request.clock.now();
    await trx
      .insertInto('risk_repayments')
      .values({
        hit_id: hit.id,
        seq,
        amount_fen: request.amountFen,
        received_on: request.receivedOn,
        reference,
        recorded_by: by,
        recorded_at: at,
      })
      .execute();
    await postRecoveryRepayment(trx, {
      hitId: hit.id,
      seq,
      paymentId: hit.payment_id ?? undefined,
      amountFen: request.amountFen,
      by,
      at,
    });
    const repaidFen = hit.repaid_fen + request.amountFen;
    const recovered = repaidFen === hit.recovery_fen;
    await trx
      .updateTable('risk_hits')
      .set({ repaid_fen: repaidFen, ...(recovered && { status: 'recovered' as const }) })
      .where('id', '=', hit.id)
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'risk_hit.repayment',
      subject: subject(hit.id),
      clock: request.clock,
      detail: { seq, amountFen: request.amountFen, receivedOn: request.receivedOn, reference, recovered },
    });
    return { repaidFen, recovered };
  });
}
