// The fund ledger check on both store backends: consistent payments pass; a deleted ledger line and a payment whose
// status disagrees with the ledger are each reported, in Chinese, naming what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/adapters/store/open-store.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { ledgerBalances } from '../../../src/services/ledger/balances.ts';
import { postCommitment } from '../../../src/services/ledger/post.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { insertConfirmedPayments, sendBatch } from '../../support/bank-fixtures.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`ledger check on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    const { withStore } = backend;

    /** Two payments sent, one still pending: 300 元 in transit, 50 元 payable. */
    async function consistent(store: Store) {
      const payments = await insertConfirmedPayments(store.db, [10_000, 20_000, 5_000]);
      await sendBatch(store.db, [payments[0]!.paymentId, payments[1]!.paymentId]);
      return payments;
    }

    it('passes on consistent payments and reports balances by account', async () => {
      await withStore(async (store) => {
        await consistent(store);
        const check = await checkLedger(store.db);
        expect(check).toMatchObject({ ok: true, violations: [], paymentCount: 3, transactionCount: 5 });
        const balances = Object.fromEntries((await ledgerBalances(store.db)).map((b) => [b.account, b.balanceFen]));
        expect(balances).toEqual({
          fund: 35_000,
          payable: 5_000,
          bank_in_transit: 30_000,
          bank: 0,
          pilot_spending: 0,
          pilot_bank: 0,
          skill_subsidy_expense: 0,
          unemployment_benefit_expense: 0,
          medical_insurance_expense: 0,
          price_subsidy_expense: 0,
          recovery_receivable: 0,
          recovery_bank: 0,
          living_spending: 0,
          living_bank: 0,
          payout_funds: 0,
          payout_allocated: 0,
          payout_released: 0,
        });
      });
    });

    it('reports a deleted ledger line as an unbalanced transaction and ledger', async () => {
      await withStore(async (store) => {
        const [first] = await consistent(store);
        const send = await store.db
          .selectFrom('ledger_transactions')
          .select('id')
          .where('key', '=', `send:${first!.paymentId}:1`)
          .executeTakeFirstOrThrow();
        await store.db.deleteFrom('ledger_lines').where('transaction_id', '=', send.id).where('line_no', '=', 2).execute();
        const { ok, violations } = await checkLedger(store.db);
        expect(ok).toBe(false);
        const messages = violations.map((v) => v.message);
        expect(messages).toContain('总账借贷不平：借方合计 650.00 元，贷方合计 550.00 元');
        expect(violations).toContainEqual(
          expect.objectContaining({
            code: 'UNBALANCED_TRANSACTION',
            transactionKey: `send:${first!.paymentId}:1`,
            message: expect.stringContaining('分录不完整'),
          }),
        );
      });
    });

    it('reports a payment whose status disagrees with the ledger, and a commitment of the wrong amount', async () => {
      await withStore(async (store) => {
        const [first, , third] = await consistent(store);
        await store.db.updateTable('payments').set({ status: 'paid' }).where('id', '=', first!.paymentId).execute();
        await store.db
          .deleteFrom('ledger_lines')
          .where(
            'transaction_id',
            'in',
            store.db.selectFrom('ledger_transactions').select('id').where('key', '=', `commit:${third!.paymentId}`),
          )
          .execute();
        await store.db.deleteFrom('ledger_transactions').where('key', '=', `commit:${third!.paymentId}`).execute();
        await postCommitment(store.db, { paymentId: third!.paymentId, amountFen: 4_000, by: '系统' });
        const { violations } = await checkLedger(store.db);
        expect(violations).toContainEqual(
          expect.objectContaining({
            code: 'PAYMENT_STATE',
            paymentId: first!.paymentId,
            message: `支付 #${first!.paymentId} 状态为「已支付」，与账务不符：银行在途款 100.00 元（应为 0.00 元），银行存款（已拨付） 0.00 元（应为 100.00 元）`,
          }),
        );
        expect(violations).toContainEqual(
          expect.objectContaining({ code: 'ACCOUNT_TOTAL', message: expect.stringContaining('银行在途款余额 300.00 元') }),
        );
        expect(violations).toContainEqual(
          expect.objectContaining({
            code: 'COMMITMENT',
            paymentId: third!.paymentId,
            message: expect.stringContaining('应付确认金额 40.00 元与支付金额 50.00 元不符'),
          }),
        );
      });
    });
  });
}
