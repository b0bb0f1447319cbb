// Payment batches under maker-checker (鲁人社发〔2024〕8号 第八条：健全审核机制、规范资金管理): one finance officer
// proposes a batch of pending payments, a second one authorises it (or rejects it, freeing its payments). The
// database refuses a batch authorised by its proposer as well. Once money arriving is recorded in the payout account
// (fund/fund-arrivals.ts), every batch draws its total from it; a batch larger than what is left does not go out:
// its payments wait with their reason (payment_waits) until money arrives. A rejected batch gives back what it drew.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { PaymentBatchesTable } from '../../adapters/store/schema-payments.ts';
import { assertDifferentPerson, type Actor } from '../../domain/refund-case.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { actorName } from '../round/case-transitions.ts';
import { nameList } from '../review/name-list.ts';
import { Refusal } from '../../domain/refusal.ts';
import { assertFinance } from './payment-actor.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { payoutBalance, postPayoutRelease, postPayoutReleaseUndo } from '../ledger/post-payout.ts';
import { waitReasonOf } from './paying-order.ts';
import { heldPayments } from '../risk/holds.ts';
import type { PaymentPurpose } from '../../domain/payment-purposes.ts';
import { paymentPurposeLabels } from '../../domain/vocabulary/payment-purposes.ts';
import { paymentBatchStatusLabels as batchStatusLabel } from '../../domain/vocabulary/payments.ts';

export type PaymentBatchStatus = PaymentBatchesTable['status'];

export { batchStatusLabel };

export interface ProposePaymentBatch {
  round: string;
  /** The batch pays one purpose (default: the job-retention refund). */
  purpose?: PaymentPurpose;
  actor: Actor;
  /** Exactly these payments; otherwise every pending payment of the round. */
  paymentIds?: readonly number[];
  note?: string;
  clock: Clock;
}

export interface PaymentBatchSummary {
  batchId: number;
  status: PaymentBatchStatus;
  paymentCount: number;
  totalFen: Fen;
}

/**
 * Creates a batch of pending payments and moves them pending → in_batch, in one transaction. When the payout account
 * is in use and holds less than the batch, the payments wait for money with their reason and the proposal is refused.
 */
export async function proposePaymentBatch(db: Kysely<Database>, request: ProposePaymentBatch): Promise<PaymentBatchSummary> {
  assertFinance(request.actor);
  const outcome = await db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const rows = await batchRows(trx, request);
    const totalFen = sumFen(rows.map((r) => r.amount_fen));
    const payout = await payoutBalance(trx);
    if (!payout.recorded || totalFen <= payout.balanceFen) return createBatch(trx, request, rows);
    const reason = waitReasonOf(request.purpose ?? 'job_retention_refund');
    await trx
      .insertInto('payment_waits')
      .values(rows.map((r) => ({ payment_id: r.id, since: request.clock.now(), reason })))
      .onConflict((oc) => oc.column('payment_id').doUpdateSet({ reason }))
      .execute();
    return {
      short: `支付批次合计 ${formatYuan(totalFen)} 元，超过支出户可用资金 ${formatYuan(payout.balanceFen)} 元：${reason}（${rows.length} 笔已列入待支付队列）`,
    };
  });
  if ('short' in outcome) throw new Refusal('CONFLICT', outcome.short);
  return outcome;
}

/** The same inside the caller's transaction (e.g. a payment run proposing several batches within its funds). */
export async function proposeBatchIn(trx: Transaction<Database>, request: ProposePaymentBatch): Promise<PaymentBatchSummary> {
  assertFinance(request.actor);
  await lockAuditLog(trx);
  return createBatch(trx, request, await batchRows(trx, request));
}

type BatchRow = { id: number; amount_fen: Fen };

/** The payments a batch would take: the ones named (each pending, none on hold), else every pending one of the round. */
async function batchRows(trx: Transaction<Database>, request: ProposePaymentBatch): Promise<BatchRow[]> {
  const { round, paymentIds } = request;
  const purpose = request.purpose ?? 'job_retention_refund';
  let query = trx
    .selectFrom('payments')
    .select(['id', 'status', 'amount_fen'])
    .where('round', '=', round)
    .where('purpose', '=', purpose)
    .orderBy('id')
    .forUpdate();
  query = paymentIds ? query.where('id', 'in', paymentIds.length ? [...paymentIds] : [0]) : query.where('status', '=', 'pending');
  const candidates = await query.execute();
  const held = await heldPayments(
    trx,
    candidates.map((r) => r.id),
  );
  if (paymentIds && held.size) {
    throw new Refusal('CONFLICT', `以下支付有未处理的风险疑点，暂停支付：${nameList([...held.keys()].map((id) => `#${id}`))}`);
  }
  const rows = candidates.filter((r) => !held.has(r.id));
  if (paymentIds) {
    const found = new Set(rows.map((r) => r.id));
    const unknown = paymentIds.filter((id) => !found.has(id));
    if (unknown.length)
      throw new Refusal(
        'NOT_FOUND',
        `${round} 年度没有以下${paymentPurposeLabels[purpose]}支付：${nameList(unknown.map(String))}`,
      );
    const busy = rows.filter((r) => r.status !== 'pending');
    if (busy.length)
      throw new Refusal('CONFLICT', `以下支付不是待支付状态，不能列入支付批次：${nameList(busy.map((r) => `#${r.id}`))}`);
  }
  if (!rows.length) throw new Refusal('INVALID', '没有待支付的款项，无法提交支付批次');
  return rows;
}

async function createBatch(
  trx: Transaction<Database>,
  request: ProposePaymentBatch,
  rows: readonly BatchRow[],
): Promise<PaymentBatchSummary> {
  const { round, actor } = request;
  const purpose = request.purpose ?? 'job_retention_refund';
  const totalFen = sumFen(rows.map((r) => r.amount_fen));
  const by = actorName(actor);
  const at = request.clock.now();
  const batch = await trx
    .insertInto('payment_batches')
    .values({
      round,
      purpose,
      status: 'proposed',
      payment_count: rows.length,
      total_fen: totalFen,
      note: request.note ?? null,
      proposed_by: by,
      proposed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('payments')
    .set({ status: 'in_batch', batch_id: batch.id, updated_by: by, updated_at: at })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const drawsOnPayout = (await payoutBalance(trx)).recorded;
  if (drawsOnPayout) await postPayoutRelease(trx, { batchId: batch.id, amountFen: totalFen, by, at });
  await trx
    .deleteFrom('payment_waits')
    .where(
      'payment_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  await recordAudit(trx, {
    actor,
    action: 'payment_batch.propose',
    subject: auditSubject.paymentBatch(batch.id),
    detail: { purpose, paymentCount: rows.length, totalFen, ...(drawsOnPayout && { payoutDrawnFen: totalFen }) },
    clock: request.clock,
  });
  return { batchId: batch.id, status: 'proposed', paymentCount: rows.length, totalFen };
}

export interface BatchDecision {
  batchId: number;
  actor: Actor;
  /** Required when rejecting. */
  note?: string;
  clock: Clock;
}

async function decide(
  db: Kysely<Database>,
  request: BatchDecision,
  outcome: 'authorise' | 'reject',
): Promise<PaymentBatchSummary> {
  const { batchId, actor } = request;
  assertFinance(actor);
  const note = request.note?.trim() || undefined;
  if (outcome === 'reject' && !note) throw new Refusal('INVALID', '驳回支付批次须填写驳回意见');
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const batch = await trx.selectFrom('payment_batches').selectAll().where('id', '=', batchId).forUpdate().executeTakeFirst();
    if (!batch) throw new Refusal('NOT_FOUND', `支付批次 ${batchId} 不存在`);
    if (batch.status !== 'proposed')
      throw new Refusal('CONFLICT', `支付批次 ${batchId} ${batchStatusLabel[batch.status]}，不能再次审批`);
    const by = actorName(actor);
    assertDifferentPerson(batch.proposed_by, by);
    const at = request.clock.now();
    const summary = { batchId, paymentCount: batch.payment_count, totalFen: batch.total_fen };
    await recordAudit(trx, {
      actor,
      action: `payment_batch.${outcome}`,
      subject: auditSubject.paymentBatch(batchId),
      detail: { ...(note && { note }), totalFen: batch.total_fen },
      clock: request.clock,
    });
    if (outcome === 'authorise') {
      await trx
        .updateTable('payment_batches')
        .set({ status: 'authorised', authorised_by: by, authorised_at: at })
        .where('id', '=', batchId)
        .execute();
      return { ...summary, status: 'authorised' };
    }
    const memo = `${batch.note ? `${batch.note}\n` : ''}驳回（${by}）：${note}`;
    await trx.updateTable('payment_batches').set({ status: 'rejected', note: memo }).where('id', '=', batchId).execute();
    await trx
      .updateTable('payments')
      .set({ status: 'pending', batch_id: null, updated_by: by, updated_at: at })
      .where('batch_id', '=', batchId)
      .where('status', '=', 'in_batch')
      .execute();
    await postPayoutReleaseUndo(trx, { batchId, by, at });
    return { ...summary, status: 'rejected' };
  });
}

/** A second finance officer authorises the batch for payment. */
export function authorisePaymentBatch(db: Kysely<Database>, request: BatchDecision): Promise<PaymentBatchSummary> {
  return decide(db, request, 'authorise');
}

/** A second finance officer rejects the batch with a note; its payments are pending again, free for another batch. */
export function rejectPaymentBatch(db: Kysely<Database>, request: BatchDecision): Promise<PaymentBatchSummary> {
  return decide(db, request, 'reject');
}

export interface PaymentBatchView extends PaymentBatchSummary {
  round: string;
  purpose: PaymentPurpose;
  note: string | null;
  proposedBy: string;
  proposedAt: Date;
  authorisedBy: string | null;
  authorisedAt: Date | null;
}

export async function listPaymentBatches(
  db: Kysely<Database>,
  filter: { round?: string; status?: PaymentBatchStatus; purpose?: PaymentPurpose } = {},
): Promise<PaymentBatchView[]> {
  let query = db.selectFrom('payment_batches').selectAll().orderBy('id');
  if (filter.purpose) query = query.where('purpose', '=', filter.purpose);
  if (filter.round) query = query.where('round', '=', filter.round);
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.execute()).map((b) => ({
    batchId: b.id,
    round: b.round,
    purpose: b.purpose,
    status: b.status,
    paymentCount: b.payment_count,
    totalFen: b.total_fen,
    note: b.note,
    proposedBy: b.proposed_by,
    proposedAt: b.proposed_at,
    authorisedBy: b.authorised_by,
    authorisedAt: b.authorised_at,
  }));
}
