// Correcting the account of a failed or returned payment, maker-checker (鲁人社发〔2024〕8号 第八条): one member of
// finance proposes the new account with a reason, a different one approves it. Approval updates the payment's account,
// opens its next attempt and puts it back to pending for a new batch: the same payment row under the same
// idempotency key is re-issued, never a new payment. Nothing is posted: the failure already made the amount payable.
// A unit's payment is corrected to one of the unit's accounts; a person's (skill subsidy, benefit: 第四条、第五条) to
// the person's social security card bank account, as given by the person. Only the payment is corrected: the unit's
// or person's registered account stays as its own source keeps it. The corrections are listed (new account masked) so
// the second person finds those waiting for approval. Accounts are kept as schema-payments.ts describes.
import type { Kysely } from 'kysely';
import { maskBankAccount } from '../../domain/masking.ts';
import { paymentStatusLabel } from '../../domain/vocabulary/payments.ts';
import { accountKindLabels } from '../../domain/vocabulary/pay-to.ts';
import type { AccountCorrectionsTable, AccountKind, PaymentStatus } from '../../adapters/store/schema-payments.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { assertDifferentPerson, type Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { Refusal } from '../../domain/refusal.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';
import { actorName } from '../round/case-transitions.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';

export interface CorrectionProposal {
  paymentId: number;
  accountKind: AccountKind;
  bankName: string | null;
  accountNo: string;
  reason: string;
  actor: Actor;
  clock: Clock;
  /** Seals the new account number at rest. */
  cipher: FieldCipher;
}

export interface ProposedCorrection {
  correctionId: number;
  paymentId: number;
}

export interface ApprovedCorrection {
  correctionId: number;
  paymentId: number;
  attempt: number;
  status: 'pending';
}

/** A correction as finance lists it for the second person's check: the new account masked to its last four digits. */
export interface CorrectionView {
  correctionId: number;
  paymentId: number;
  recipientName: string;
  amountFen: number;
  paymentStatus: PaymentStatus;
  accountKind: AccountKind;
  bankName: string | null;
  accountMasked: string;
  reason: string;
  status: AccountCorrectionsTable['status'];
  proposedBy: string;
  proposedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
}

const CORRECTABLE = ['failed', 'returned'] as const;

function assertFinance(actor: Actor): string {
  if (actor.kind !== 'staff' || actor.role !== 'finance') throw new Refusal('FORBIDDEN', '只有财务人员可以更正收款账户');
  return actorName(actor);
}

/** A person's payment goes to a social security card account, a unit's to one of the unit's accounts. */
function assertKindFits(paymentId: number, toPerson: boolean, kind: AccountKind): void {
  if (toPerson && kind !== 'social_security_card') {
    throw new Refusal('INVALID', `支付 ${paymentId} 付给个人，只能更正为本人的${accountKindLabels.social_security_card}`);
  }
  if (!toPerson && kind === 'social_security_card') {
    throw new Refusal('INVALID', `支付 ${paymentId} 付给单位，不能更正为${accountKindLabels.social_security_card}`);
  }
}

function accountNumber(raw: string): string {
  const accountNo = raw.replace(/[\s-]/g, '');
  if (!/^\d{6,32}$/.test(accountNo)) throw new Refusal('INVALID', `收款账号须为 6 至 32 位数字（收到 ${raw.length} 个字符）`);
  return accountNo;
}

export async function proposeAccountCorrection(db: Kysely<Database>, proposal: CorrectionProposal): Promise<ProposedCorrection> {
  const by = assertFinance(proposal.actor);
  const reason = proposal.reason.trim();
  if (!reason) throw new Refusal('INVALID', '更正收款账户须填写原因');
  const accountNo = accountNumber(proposal.accountNo);
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const payment = await trx
      .selectFrom('payments')
      .select(['status', 'person_id'])
      .where('id', '=', proposal.paymentId)
      .forUpdate()
      .executeTakeFirst();
    if (!payment) throw new Refusal('NOT_FOUND', `支付 ${proposal.paymentId} 不存在`);
    assertKindFits(proposal.paymentId, payment.person_id !== null, proposal.accountKind);
    if (!(CORRECTABLE as readonly string[]).includes(payment.status)) {
      throw new Refusal(
        'CONFLICT',
        `支付 ${proposal.paymentId} 当前为「${paymentStatusLabel[payment.status]}」，只有支付失败或退回的款项可以更正账户`,
      );
    }
    const open = await trx
      .selectFrom('account_corrections')
      .select('id')
      .where('payment_id', '=', proposal.paymentId)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    if (open) throw new Refusal('CONFLICT', `支付 ${proposal.paymentId} 已有待审核的账户更正（编号 ${open.id}）`);
    const { id } = await trx
      .insertInto('account_corrections')
      .values({
        payment_id: proposal.paymentId,
        account_kind: proposal.accountKind,
        bank_name: proposal.bankName?.trim() || null,
        account_cipher: proposal.cipher.encrypt(accountNo),
        account_masked: maskBankAccount(accountNo),
        reason,
        status: 'proposed',
        proposed_by: by,
        proposed_at: proposal.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: proposal.actor,
      action: 'account_correction.propose',
      subject: auditSubject.accountCorrection(id),
      detail: { paymentId: proposal.paymentId, reason },
      clock: proposal.clock,
    });
    return { correctionId: id, paymentId: proposal.paymentId };
  });
}

export async function approveAccountCorrection(
  db: Kysely<Database>,
  request: { correctionId: number; actor: Actor; clock: Clock },
): Promise<ApprovedCorrection> {
  const by = assertFinance(request.actor);
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const correction = await trx
      .selectFrom('account_corrections')
      .selectAll()
      .where('id', '=', request.correctionId)
      .forUpdate()
      .executeTakeFirst();
    if (!correction) throw new Refusal('NOT_FOUND', `账户更正 ${request.correctionId} 不存在`);
    if (correction.status !== 'proposed') throw new Refusal('CONFLICT', `账户更正 ${request.correctionId} 已处理，不能再次审核`);
    assertDifferentPerson(correction.proposed_by, by);
    const payment = await trx
      .selectFrom('payments')
      .select(['status', 'attempt'])
      .where('id', '=', correction.payment_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!(CORRECTABLE as readonly string[]).includes(payment.status)) {
      throw new Refusal(
        'CONFLICT',
        `支付 ${correction.payment_id} 当前为「${paymentStatusLabel[payment.status]}」，不能按此更正重新支付`,
      );
    }
    const at = request.clock.now();
    await trx
      .updateTable('account_corrections')
      .set({ status: 'approved', approved_by: by, approved_at: at })
      .where('id', '=', correction.id)
      .execute();
    const attempt = payment.attempt + 1;
    await trx
      .updateTable('payments')
      .set({
        account_kind: correction.account_kind,
        bank_name: correction.bank_name,
        account_cipher: correction.account_cipher,
        account_masked: correction.account_masked,
        attempt,
        status: 'pending',
        batch_id: null,
        updated_at: at,
        updated_by: by,
      })
      .where('id', '=', correction.payment_id)
      .execute();
    await recordAudit(trx, {
      actor: request.actor,
      action: 'account_correction.approve',
      subject: auditSubject.accountCorrection(correction.id),
      detail: { paymentId: correction.payment_id, attempt },
      clock: request.clock,
    });
    return { correctionId: correction.id, paymentId: correction.payment_id, attempt, status: 'pending' };
  });
}

/** The corrections (newest first), optionally of one status, e.g. those waiting for a second person's approval. */
export async function listAccountCorrections(
  db: Kysely<Database>,
  filter: { status?: AccountCorrectionsTable['status'] } = {},
): Promise<CorrectionView[]> {
  let query = db
    .selectFrom('account_corrections as c')
    .innerJoin('payments as p', 'p.id', 'c.payment_id')
    .select([
      'c.id',
      'c.payment_id',
      'p.recipient_name',
      'p.amount_fen',
      'p.status as payment_status',
      'c.account_kind',
      'c.bank_name',
      'c.account_masked',
      'c.reason',
      'c.status',
      'c.proposed_by',
      'c.proposed_at',
      'c.approved_by',
      'c.approved_at',
    ])
    .orderBy('c.id', 'desc');
  if (filter.status) query = query.where('c.status', '=', filter.status);
  return (await query.execute()).map((c) => ({
    correctionId: c.id,
    paymentId: c.payment_id,
    recipientName: c.recipient_name,
    amountFen: c.amount_fen,
    paymentStatus: c.payment_status,
    accountKind: c.account_kind,
    bankName: c.bank_name,
    accountMasked: c.account_masked,
    reason: c.reason,
    status: c.status,
    proposedBy: c.proposed_by,
    proposedAt: c.proposed_at,
    approvedBy: c.approved_by,
    approvedAt: c.approved_at,
  }));
}
