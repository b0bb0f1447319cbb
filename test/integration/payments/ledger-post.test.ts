// The fund ledger's posting module on both store backends: one posting per key, balanced lines only, and the
// event helpers moving a payment's amount between fund, payable, bank in transit and bank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postCancellation,
  postCommitment,
  postFailure,
  postLedger,
  postReturn,
  postSend,
  postSettlement,
  UnbalancedPostingError,
} from '../../../src/services/ledger/post.ts';
import { createPaymentsForConfirmed } from '../../../src/services/payments/create-payments.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { clock, confirmedUnits, ledgerState, maker, ROUND } from '../../support/payment-fixtures.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`ledger postings on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    const { withStore } = backend;

    it('posts a key once: a second posting under the same key writes nothing and says so', async () => {
      await withStore(async ({ db }) => {
        const posting = {
          key: 'test:1',
          kind: 'commitment' as const,
          memo: '测试',
          by: '财务王五',
          lines: [
            { account: 'fund' as const, debitFen: 500 },
            { account: 'payable' as const, creditFen: 300 },
            { account: 'payable' as const, creditFen: 200 },
          ],
        };
        expect(await postLedger(db, posting)).toBe(true);
        expect(
          await postLedger(db, {
            ...posting,
            lines: [
              { account: 'fund', debitFen: 9 },
              { account: 'bank', creditFen: 9 },
            ],
          }),
        ).toBe(false);
        const lines = await db.selectFrom('ledger_lines').selectAll().orderBy('line_no').execute();
        expect(lines.map((l) => [l.account, l.debit_fen, l.credit_fen])).toEqual([
          ['fund', 500, 0],
          ['payable', 0, 300],
          ['payable', 0, 200],
        ]);
      });
    });

    it('refuses unbalanced or malformed lines and writes nothing', async () => {
      await withStore(async ({ db }) => {
        const base = { key: 'test:bad', kind: 'payment' as const, memo: '测试', by: '财务王五' };
        await expect(
          postLedger(db, {
            ...base,
            lines: [
              { account: 'payable', debitFen: 100 },
              { account: 'bank_in_transit', creditFen: 99 },
            ],
          }),
        ).rejects.toThrow(/借贷不平/);
        await expect(
          postLedger(db, {
            ...base,
            lines: [
              { account: 'payable', debitFen: 100, creditFen: 100 },
              { account: 'bank', creditFen: 0 },
            ],
          }),
        ).rejects.toBeInstanceOf(UnbalancedPostingError);
        await expect(
          postLedger(db, {
            ...base,
            lines: [
              { account: 'payable', debitFen: 1.5 },
              { account: 'bank', creditFen: 1.5 },
            ],
          }),
        ).rejects.toBeInstanceOf(UnbalancedPostingError);
        await expect(postLedger(db, { ...base, lines: [{ account: 'payable', debitFen: 100 }] })).rejects.toBeInstanceOf(
          UnbalancedPostingError,
        );
        expect(await db.selectFrom('ledger_transactions').select('id').execute()).toEqual([]);
      });
    });

    it('moves a failed, re-issued and returned payment through the accounts and balances at every step', async () => {
      await withStore(async ({ db }) => {
        await confirmedUnits(db, 2, () => 12_345);
        await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        const [first, second] = await db.selectFrom('payments').select('id').orderBy('id').execute();
        const event = { paymentId: first!.id, amountFen: 12_345, by: '系统' };
        // createPaymentsForConfirmed already committed both payments; committing again posts nothing.
        expect(await postCommitment(db, event)).toBe(false);
        expect((await ledgerState(db)).balances).toEqual({ fund: 24_690, payable: -24_690 });

        expect(await postSend(db, { ...event, attempt: 1 })).toBe(true);
        expect(await postFailure(db, { ...event, attempt: 1 })).toBe(true);
        expect(await postSend(db, { ...event, attempt: 2 })).toBe(true);
        expect(await postSend(db, { ...event, attempt: 2 })).toBe(false);
        expect(await postSettlement(db, { ...event, attempt: 2 })).toBe(true);
        expect(await postReturn(db, { ...event, attempt: 2 })).toBe(true);
        expect(await postCancellation(db, { paymentId: second!.id, amountFen: 12_345, by: '财务王五' })).toBe(true);

        const state = await ledgerState(db);
        expect(state.debits).toBe(state.credits);
        expect(state.unbalanced).toBe(0);
        // The returned payment is payable again; the cancelled one went back to the fund; nothing is left in transit.
        expect(state.balances).toEqual({ fund: 12_345, payable: -12_345, bank_in_transit: 0, bank: 0 });
        const keys = await db
          .selectFrom('ledger_transactions')
          .select(['key', 'kind'])
          .where('payment_id', '=', first!.id)
          .orderBy('id')
          .execute();
        expect(keys).toEqual([
          { key: `commit:${first!.id}`, kind: 'commitment' },
          { key: `send:${first!.id}:1`, kind: 'payment' },
          { key: `fail:${first!.id}:1`, kind: 'return' },
          { key: `send:${first!.id}:2`, kind: 'reissue' },
          { key: `settle:${first!.id}:2`, kind: 'settlement' },
          { key: `return:${first!.id}:2`, kind: 'return' },
        ]);
      });
    });
  });
}
