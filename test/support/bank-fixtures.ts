// Payments as the payment process leaves them, written directly so the bank and ledger tests do not depend on it:
// confirmed refund cases with a payment each (commitment posted), put into an authorised batch and sent (attempt row
// with the account snapshot, send posted); and bank return files written as CSV.
import type { Kysely } from 'kysely';
import { writeCsv } from '../../src/adapters/files/write-csv.ts';
import type { ExportCell } from '../../src/adapters/files/write-xlsx.ts';
import type { Database } from '../../src/adapters/store/schema.ts';
import { postCommitment, postSend } from '../../src/services/ledger/post.ts';
import { insertRun, insertUnitWithCase, REGION, ROUND } from './review-fixtures.ts';
import { sealedAccount } from './sealed-accounts.ts';

type Db = Kysely<Database>;

export const PROPOSER = '财务王五';
export const AUTHORISER = '财务赵六';
export const AT = new Date('2024-09-20T09:00:00+08:00');

export interface FixturePayment {
  paymentId: number;
  unitId: number;
  creditCode: string;
  amountFen: number;
}

/** A unit with a confirmed case of `amountFen` and its pending payment to the corporate account, committed. */
export async function insertConfirmedPayments(db: Db, amounts: readonly number[]): Promise<FixturePayment[]> {
  const run = await insertRun(db);
  const payments: FixturePayment[] = [];
  for (const [i, amountFen] of amounts.entries()) {
    const unit = await insertUnitWithCase(db, run, { name: `测试收款单位${i + 1}有限公司` }, { state: 'confirmed', amountFen });
    const { id } = await db
      .insertInto('payments')
      .values({
        idempotency_key: `refund:${ROUND}:${unit.id}:${unit.creditCode}`,
        round: ROUND,
        unit_id: unit.id,
        purpose: 'job_retention_refund',
        recipient_credit_code: unit.creditCode,
        recipient_name: `测试收款单位${i + 1}有限公司`,
        role: 'unit',
        amount_fen: amountFen,
        account_kind: 'corporate_account',
        bank_name: '中国工商银行威海分行',
        ...sealedAccount(`62220000000${String(unit.id).padStart(5, '0')}`),
        status: 'pending',
        region_code: REGION,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await postCommitment(db, { paymentId: id, amountFen, by: '系统', at: AT });
    payments.push({ paymentId: id, unitId: unit.id, creditCode: unit.creditCode, amountFen });
  }
  return payments;
}

/** An authorised batch of the pending payments, each sent under its current attempt; returns the batch id. */
export async function sendBatch(db: Db, paymentIds: readonly number[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const payments = await trx
      .selectFrom('payments')
      .selectAll()
      .where('id', 'in', [...paymentIds])
      .orderBy('id')
      .execute();
    const { id: batchId } = await trx
      .insertInto('payment_batches')
      .values({
        round: ROUND,
        status: 'authorised',
        payment_count: payments.length,
        total_fen: payments.reduce((sum, p) => sum + p.amount_fen, 0),
        proposed_by: PROPOSER,
        proposed_at: AT,
        authorised_by: AUTHORISER,
        authorised_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const p of payments) {
      await trx.updateTable('payments').set({ status: 'sent', batch_id: batchId }).where('id', '=', p.id).execute();
      await trx
        .insertInto('payment_attempts')
        .values({
          payment_id: p.id,
          attempt: p.attempt,
          batch_id: batchId,
          account_kind: p.account_kind,
          bank_name: p.bank_name,
          account_cipher: p.account_cipher,
          account_masked: p.account_masked,
          amount_fen: p.amount_fen,
          status: 'sent',
          sent_at: AT,
        })
        .execute();
      await postSend(trx, { paymentId: p.id, attempt: p.attempt, amountFen: p.amount_fen, by: '系统', at: AT });
    }
    return batchId;
  });
}

export type ReturnCells = [
  reference: string,
  yuan: string,
  outcome: '成功' | '失败' | '退回',
  bankReference: string,
  reason: string,
];

export const RETURN_HEADERS = ['付款流水号', '金额（元）', '处理结果', '银行流水号', '失败原因'];

/** A bank return file as the bank sends it (CSV, UTF-8 with BOM). */
export async function writeReturnFile(path: string, lines: readonly ReturnCells[]): Promise<string> {
  await writeCsv(path, RETURN_HEADERS, lines as readonly ExportCell[][]);
  return path;
}
