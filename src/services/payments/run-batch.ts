// The payment process (鲁人社发〔2024〕8号 第七条：资金直接拨付至企业账户): sends an authorised batch payment by
// payment. Each payment is claimed, recorded as a bank attempt (with the account it goes to), posted to the ledger
// and marked sent in ONE transaction, claimed with FOR UPDATE SKIP LOCKED: the process can be killed at any point
// and started again, and several workers can run the same batch at once — every payment is sent exactly once, and
// each send is written to the audit trail in the same transaction (`payment.send`).
// When no payment of the batch is left in it, the bank instruction file can be exported (src/services/bank/).
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { PaymentStatus } from '../../adapters/store/schema-payments.ts';
import { sumFen, type Fen } from '../../policy/core/money.ts';
import { postSend } from '../ledger/post.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { Refusal } from '../../domain/refusal.ts';
import { batchStatusLabel, type PaymentBatchStatus } from './payment-batches.ts';
import { appendAudit, lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';

export interface RunPaymentBatch {
  batchId: number;
  clock: Clock;
  /** Names the worker in updated_by and the ledger (e.g. the host and process id). */
  workerId: string;
  /** Called inside each payment's transaction before it commits (tests pace or interrupt the worker here). */
  beforeCommit?: (paymentId: number) => Promise<void>;
}

export interface PaymentProgress {
  batchId: number;
  status: PaymentBatchStatus;
  paymentCount: number;
  totalFen: Fen;
  byStatus: Record<PaymentStatus, number>;
  sentFen: Fen;
  /** Payments of the batch still waiting to be sent. */
  remaining: number;
  /** Every payment of an authorised batch is sent: the bank instruction file can be exported. */
  readyToExport: boolean;
}

async function sendNext(db: Kysely<Database>, request: RunPaymentBatch): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    // The audit lock first, then the payment row (see lockAuditLog): workers send one payment at a time.
    await lockAuditLog(trx);
    const payment = await trx
      .selectFrom('payments')
      .select(['id', 'attempt', 'purpose', 'account_kind', 'bank_name', 'account_cipher', 'account_masked', 'amount_fen'])
      .where('batch_id', '=', request.batchId)
      .where('status', '=', 'in_batch')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!payment) return undefined;
    const at = request.clock.now();
    const by = `系统:${request.workerId}`;
    await trx
      .insertInto('payment_attempts')
      .values({
        payment_id: payment.id,
        attempt: payment.attempt,
        batch_id: request.batchId,
        account_kind: payment.account_kind,
        bank_name: payment.bank_name,
        account_cipher: payment.account_cipher,
        account_masked: payment.account_masked,
        amount_fen: payment.amount_fen,
        status: 'sent',
        sent_at: at,
      })
      .execute();
    await postSend(trx, {
      paymentId: payment.id,
      attempt: payment.attempt,
      amountFen: payment.amount_fen,
      purpose: payment.purpose,
      by,
      at,
    });
    await trx
      .updateTable('payments')
      .set({ status: 'sent', updated_by: by, updated_at: at })
      .where('id', '=', payment.id)
      .execute();
    await appendAudit(trx, {
      actor: by,
      action: 'payment.send',
      subject: auditSubject.payment(payment.id),
      at,
      detail: {
        batchId: request.batchId,
        attempt: payment.attempt,
        amountFen: payment.amount_fen,
        accountKind: payment.account_kind,
      },
    });
    await request.beforeCommit?.(payment.id);
    return payment.id;
  });
}

/** Refuses a batch that does not exist or is not authorised (a proposed batch has not been checked by a second person). */
export async function assertRunnable(db: Kysely<Database>, batchId: number): Promise<void> {
  const batch = await db.selectFrom('payment_batches').select('status').where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new Refusal('NOT_FOUND', `支付批次 ${batchId} 不存在`);
  if (batch.status !== 'authorised') {
    throw new Refusal('CONFLICT', `支付批次 ${batchId} ${batchStatusLabel[batch.status]}，只有已授权的批次可以支付`);
  }
}

/** Sends every payment of an authorised batch that is not sent yet; returns how many this call sent and the progress. */
export async function runPaymentBatch(
  db: Kysely<Database>,
  request: RunPaymentBatch,
): Promise<PaymentProgress & { sentNow: number }> {
  await assertRunnable(db, request.batchId);
  let sentNow = 0;
  while ((await sendNext(db, request)) !== undefined) sentNow += 1;
  return { ...(await paymentProgress(db, request.batchId)), sentNow };
}

const NO_PAYMENTS: Record<PaymentStatus, number> = { pending: 0, in_batch: 0, sent: 0, paid: 0, failed: 0, returned: 0 };

/** How far the batch has got: its payments by status and what is left to send. */
export async function paymentProgress(db: Kysely<Database>, batchId: number): Promise<PaymentProgress> {
  const batch = await db
    .selectFrom('payment_batches')
    .select(['status', 'payment_count', 'total_fen'])
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!batch) throw new Refusal('NOT_FOUND', `支付批次 ${batchId} 不存在`);
  const rows = await db
    .selectFrom('payments')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amount_fen').as('fen')])
    .where('batch_id', '=', batchId)
    .groupBy('status')
    .execute();
  const byStatus = { ...NO_PAYMENTS };
  for (const row of rows) byStatus[row.status] = Number(row.count);
  const sentFen = sumFen(rows.filter((r) => r.status === 'sent').map((r) => Number(r.fen)));
  const remaining = byStatus.in_batch;
  return {
    batchId,
    status: batch.status,
    paymentCount: batch.payment_count,
    totalFen: batch.total_fen,
    byStatus,
    sentFen,
    remaining,
    readyToExport: batch.status === 'authorised' && remaining === 0,
  };
}
