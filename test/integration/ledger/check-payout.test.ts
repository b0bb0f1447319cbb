// The ledger check proves the payout account on both store backends: after money arriving, a batch drawing on it and
// a rejected batch giving its money back, the check passes; a draw removed from the ledger, or an arrival whose
// amount was changed on both its lines (so every voucher still balances), is reported in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/adapters/store/schema.ts';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { recordFundArrival } from '../../../src/services/fund/fund-arrivals.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { proposePaymentBatch, rejectPaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { insertConfirmedPayments } from '../../support/bank-fixtures.ts';
import { clock, params } from '../../support/benefit-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const financeA: Actor = { kind: 'staff', role: 'finance', name: '财务甲' };
const financeB: Actor = { kind: 'staff', role: 'finance', name: '财务乙' };
type Db = Kysely<Database>;

/** 6,000 yuan arrived; a 2,000 batch drew on it and a rejected 3,000 batch gave its money back: 4,000 left. */
async function payoutInUse(db: Db) {
  const [big, small] = await insertConfirmedPayments(db, [3_000_00, 2_000_00]);
  await recordFundArrival(db, {
    amountFen: 6_000_00,
    documentNo: '威财社〔2024〕51号',
    source: '财政专户划拨',
    actor: financeA,
    clock,
    params,
  });
  const rejected = await proposePaymentBatch(db, { round: '2024', actor: financeA, clock, paymentIds: [big!.paymentId] });
  await rejectPaymentBatch(db, { batchId: rejected.batchId, actor: financeB, note: '凭证不全', clock });
  return proposePaymentBatch(db, { round: '2024', actor: financeA, clock, paymentIds: [small!.paymentId] });
}

const payoutMessages = async (db: Db) =>
  (await checkLedger(db)).violations.filter((v) => v.code === 'PAYOUT_ACCOUNT').map((v) => v.message);

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`payout account check on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('passes when the payout account holds the arrivals less what was drawn', async () => {
      await backend.withStore(async ({ db }) => {
        await payoutInUse(db);
        const check = await checkLedger(db);
        expect(check.violations).toEqual([]);
        expect(check.ok).toBe(true);
        expect(check.balances.find((b) => b.account === 'payout_funds')?.balanceFen).toBe(4_000_00);
      });
    });

    it('reports a batch whose draw was removed from the ledger', async () => {
      await backend.withStore(async ({ db }) => {
        const batch = await payoutInUse(db);
        const draw = await db
          .selectFrom('ledger_transactions')
          .select('id')
          .where('key', '=', `release:${batch.batchId}`)
          .executeTakeFirstOrThrow();
        await db.deleteFrom('ledger_lines').where('transaction_id', '=', draw.id).execute();
        await db.deleteFrom('ledger_transactions').where('id', '=', draw.id).execute();
        const check = await checkLedger(db);
        expect(check.ok).toBe(false);
        expect(await payoutMessages(db)).toEqual([
          `支付批次 #${batch.batchId} 动用支出户资金应为 2,000.00 元，账上为 0.00 元`,
          '支出户余额 6,000.00 元，与资金到账合计 6,000.00 元减已动用 2,000.00 元不符',
        ]);
      });
    });

    it('reports an arrival whose amount was changed on both its lines', async () => {
      await backend.withStore(async ({ db }) => {
        await payoutInUse(db);
        const arrival = await db
          .selectFrom('ledger_transactions')
          .select('id')
          .where('key', '=', 'arrival:威财社〔2024〕51号')
          .executeTakeFirstOrThrow();
        await db
          .updateTable('ledger_lines')
          .set({ debit_fen: 9_000_00 })
          .where('transaction_id', '=', arrival.id)
          .where('debit_fen', '>', 0)
          .execute();
        await db
          .updateTable('ledger_lines')
          .set({ credit_fen: 9_000_00 })
          .where('transaction_id', '=', arrival.id)
          .where('credit_fen', '>', 0)
          .execute();
        const check = await checkLedger(db);
        expect(check.violations.filter((v) => v.code !== 'PAYOUT_ACCOUNT')).toEqual([]);
        expect(await payoutMessages(db)).toEqual([
          '资金到账（威财社〔2024〕51号）存入支出户应为 6,000.00 元，账上为 9,000.00 元',
          '支出户余额 7,000.00 元，与资金到账合计 6,000.00 元减已动用 2,000.00 元不符',
        ]);
      });
    });
  });
}
