// Payments exactly once on both store backends: creating payments for confirmed cases (dispatch allocations too),
// maker-checker batches, and the payment process — interrupted again and again, or run by two workers at once.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { createPaymentsForConfirmed } from '../../../src/services/payments/create-payments.ts';
import { listPayments } from '../../../src/services/payments/list-payments.ts';
import {
  authorisePaymentBatch,
  proposePaymentBatch,
  rejectPaymentBatch,
} from '../../../src/services/payments/payment-batches.ts';
import { paymentProgress, runPaymentBatch } from '../../../src/services/payments/run-batch.ts';
import { caseState, insertRun } from '../../support/review-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';
import { opened, withAccountNo } from '../../support/sealed-accounts.ts';
import {
  authorisedBatch,
  checker,
  clock,
  confirmedUnits,
  insertConfirmedCase,
  insertDispatchDecision,
  insertPayee,
  ledgerState,
  maker,
  ROUND,
  sendAudit,
} from '../../support/payment-fixtures.ts';

const caseWorker: Actor = { kind: 'staff', role: 'case_worker', name: '经办员张三' };

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`payments on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    const { withStore } = backend;

    it('creates one payment per confirmed case with its commitment, and nothing the second time', async () => {
      await withStore(async ({ db }) => {
        const units = await confirmedUnits(db, 3, (i) => 10_000 * (i + 1));
        const first = await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        expect(first).toMatchObject({ caseCount: 3, paymentCount: 3, totalFen: 60_000, manual: [] });
        const again = await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        expect(again).toMatchObject({ caseCount: 0, paymentCount: 0, totalFen: 0 });
        const payments = await db.selectFrom('payments').selectAll().orderBy('id').execute();
        expect(payments.map((p) => [p.unit_id, p.amount_fen, p.status, p.created_by])).toEqual(
          units.map((u, i) => [u, 10_000 * (i + 1), 'pending', '财务王五']),
        );
        const commitments = await db.selectFrom('ledger_transactions').select('key').where('kind', '=', 'commitment').execute();
        expect(commitments).toHaveLength(3);
        expect((await ledgerState(db)).balances.payable).toBe(-60_000);
        // The case stays confirmed until reconciliation finds its payments paid.
        expect((await caseState(db, units[0]!)).state).toBe('confirmed');
      });
    });

    it('pays to the account the unit confirmed and lists a unit without an account for manual handling', async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const micro = await insertPayee(db, {
          name: '微型无对公账户商行',
          corporateAccount: null,
          contributionAccount: '37100000998877',
        });
        await insertConfirmedCase(db, run, micro.id, 3_000, 'contribution_account:37100000998877');
        const unconfirmedAccount = await insertPayee(db, { name: '未记录确认账户公司', corporateAccount: '6222000011112222' });
        await insertConfirmedCase(db, run, unconfirmedAccount.id, 4_000, null);
        const none = await insertPayee(db, { name: '无账户公司', corporateAccount: null });
        await insertConfirmedCase(db, run, none.id, 5_000, null);
        const result = await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        expect(result.paymentCount).toBe(2);
        expect(result.manual).toEqual([
          expect.objectContaining({ unitId: none.id, recipientName: '无账户公司', amountFen: 5_000 }),
        ]);
        const payments = withAccountNo(
          await db.selectFrom('payments').select(['unit_id', 'account_kind', 'account_cipher']).orderBy('unit_id').execute(),
        );
        expect(payments).toEqual([
          { unit_id: micro.id, account_kind: 'contribution_account', account_no: '37100000998877' },
          { unit_id: unconfirmedAccount.id, account_kind: 'corporate_account', account_no: '6222000011112222' },
        ]);
        const listed = await listPayments(db, { round: ROUND });
        expect(listed.map((p) => p.accountMasked)).toEqual(['**** **** **** 8877', '**** **** **** 2222']);
        expect(JSON.stringify(listed)).not.toContain('37100000998877');
      });
    });

    it("pays a dispatch unit's allocations: user units to their own accounts, unknown recipients by hand, nothing for zero", async () => {
      await withStore(async ({ db }) => {
        const run = await insertRun(db);
        const dispatch = await insertPayee(db, {
          name: '威海人力派遣有限公司',
          laborDispatch: true,
          corporateAccount: '6222000055550001',
        });
        const user = await insertPayee(db, { name: '威海用工制造有限公司', corporateAccount: '6222000066660002' });
        await insertConfirmedCase(db, run, dispatch.id, 9_000, 'corporate_account:6222000055550001');
        await insertDispatchDecision(db, dispatch.id, [
          { creditCode: dispatch.creditCode, role: 'dispatch_unit', amountFen: 2_000 },
          { creditCode: user.creditCode, role: 'user_unit', amountFen: 5_000 },
          { creditCode: '12371000MB0000000X', name: '威海某事业单位', role: 'user_unit', amountFen: 0 },
          { creditCode: '913710000000UNKNOWN', name: '未登记用工单位', role: 'user_unit', amountFen: 2_000 },
        ]);
        // A dispatch unit without a decided application is never paid its whole amount.
        const undecided = await insertPayee(db, { name: '未申请派遣有限公司', laborDispatch: true });
        await insertConfirmedCase(db, run, undecided.id, 6_000, null);
        const result = await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        expect(result.paymentCount).toBe(2);
        expect(result.totalFen).toBe(7_000);
        expect(result.manual).toEqual([
          expect.objectContaining({
            recipientCreditCode: '913710000000UNKNOWN',
            recipientName: '未登记用工单位',
            amountFen: 2_000,
          }),
          expect.objectContaining({ unitId: undecided.id, amountFen: 6_000, reason: expect.stringContaining('第三条') }),
        ]);
        const payments = withAccountNo(
          await db
            .selectFrom('payments')
            .select(['recipient_credit_code', 'recipient_name', 'role', 'amount_fen', 'account_cipher', 'idempotency_key'])
            .orderBy('amount_fen')
            .execute(),
        );
        expect(payments).toEqual([
          {
            recipient_credit_code: dispatch.creditCode,
            recipient_name: '威海人力派遣有限公司',
            role: 'dispatch_unit',
            amount_fen: 2_000,
            account_no: '6222000055550001',
            idempotency_key: `refund:${ROUND}:${dispatch.id}:${dispatch.creditCode}`,
          },
          {
            recipient_credit_code: user.creditCode,
            recipient_name: '威海用工制造有限公司',
            role: 'user_unit',
            amount_fen: 5_000,
            account_no: '6222000066660002',
            idempotency_key: `refund:${ROUND}:${dispatch.id}:${user.creditCode}`,
          },
        ]);
      });
    });

    it('batches pending payments under maker-checker: never authorised by the proposer, a rejection frees them', async () => {
      await withStore(async ({ db }) => {
        await confirmedUnits(db, 4);
        await createPaymentsForConfirmed(db, { round: ROUND, clock, actor: maker });
        await expect(proposePaymentBatch(db, { round: ROUND, actor: caseWorker, clock })).rejects.toThrow('只有财务人员');
        const batch = await proposePaymentBatch(db, { round: ROUND, actor: maker, clock, note: '第一批' });
        expect(batch).toMatchObject({ status: 'proposed', paymentCount: 4, totalFen: 40_006 });
        await expect(proposePaymentBatch(db, { round: ROUND, actor: maker, clock })).rejects.toThrow('没有待支付的款项');
        await expect(authorisePaymentBatch(db, { batchId: batch.batchId, actor: maker, clock })).rejects.toThrow(
          '不能与提交人为同一人',
        );
        // The database refuses it too, whatever code tries.
        await expect(
          sql`UPDATE payment_batches SET status = 'authorised', authorised_by = proposed_by`.execute(db),
        ).rejects.toThrow();
        await expect(runPaymentBatch(db, { batchId: batch.batchId, clock, workerId: 't' })).rejects.toThrow(
          '只有已授权的批次可以支付',
        );

        await expect(rejectPaymentBatch(db, { batchId: batch.batchId, actor: checker, clock })).rejects.toThrow('须填写驳回意见');
        expect(await rejectPaymentBatch(db, { batchId: batch.batchId, actor: checker, clock, note: '金额待核' })).toMatchObject({
          status: 'rejected',
        });
        const freed = await db.selectFrom('payments').select(['status', 'batch_id']).execute();
        expect(freed.every((p) => p.status === 'pending' && p.batch_id === null)).toBe(true);
        await expect(authorisePaymentBatch(db, { batchId: batch.batchId, actor: checker, clock })).rejects.toThrow('已驳回');

        const [one, two] = await db.selectFrom('payments').select('id').orderBy('id').execute();
        const second = await proposePaymentBatch(db, { round: ROUND, actor: checker, clock, paymentIds: [one!.id, two!.id] });
        expect(second.paymentCount).toBe(2);
        await expect(proposePaymentBatch(db, { round: ROUND, actor: checker, clock, paymentIds: [one!.id] })).rejects.toThrow(
          '不是待支付状态',
        );
        expect(await authorisePaymentBatch(db, { batchId: second.batchId, actor: maker, clock })).toMatchObject({
          status: 'authorised',
        });
      });
    });

    it('sends an authorised batch once: one attempt and one ledger send per payment, then it is ready to export', async () => {
      await withStore(async ({ db }) => {
        const batchId = await authorisedBatch(db, 5);
        const run = await runPaymentBatch(db, { batchId, clock, workerId: 'w1' });
        expect(run).toMatchObject({ sentNow: 5, remaining: 0, readyToExport: true, byStatus: { sent: 5, in_batch: 0 } });
        expect((await runPaymentBatch(db, { batchId, clock, workerId: 'w2' })).sentNow).toBe(0);
        expect((await sendAudit(db, batchId)).notExactlyOnce).toEqual([]);
        const attempt = await db
          .selectFrom('payment_attempts as a')
          .innerJoin('payments as p', 'p.id', 'a.payment_id')
          .select([
            'a.account_cipher',
            'p.account_cipher as payment_account',
            'a.amount_fen',
            'p.amount_fen as payment_fen',
            'a.status',
          ])
          .executeTakeFirstOrThrow();
        expect(attempt).toMatchObject({ amount_fen: attempt.payment_fen, status: 'sent' });
        expect(opened(attempt.account_cipher)).toBe(opened(attempt.payment_account));
        const ledger = await ledgerState(db);
        expect(ledger.balances).toEqual({ fund: run.totalFen, payable: 0, bank_in_transit: -run.totalFen });
      });
    });

    it("resumes after being interrupted inside a payment's transaction, again and again, sending each payment once", async () => {
      await withStore(async ({ db }) => {
        const batchId = await authorisedBatch(db, 40);
        let seed = 20240801;
        const chance = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
        let interruptions = 0;
        for (;;) {
          try {
            await runPaymentBatch(db, {
              batchId,
              clock,
              workerId: 'flaky',
              beforeCommit: async () => {
                if (chance() < 0.6) throw new Error('进程中断（测试）');
              },
            });
            break;
          } catch (error) {
            // Only the injected fault counts as an interruption; anything else is a real failure.
            if ((error as Error).message !== '进程中断（测试）') throw error;
            interruptions += 1;
          }
        }
        expect(interruptions).toBeGreaterThanOrEqual(20);
        expect(await sendAudit(db, batchId)).toMatchObject({ payments: 40, notExactlyOnce: [], statuses: ['sent'] });
        const ledger = await ledgerState(db);
        expect(ledger.debits).toBe(ledger.credits);
        expect(ledger.balances.payable).toBe(0);
      });
    });

    it('two workers on the same batch at once send each payment once between them', async () => {
      await withStore(async ({ db }) => {
        const batchId = await authorisedBatch(db, 30);
        const [a, b] = await Promise.all(['a', 'b'].map((workerId) => runPaymentBatch(db, { batchId, clock, workerId })));
        expect(a!.sentNow + b!.sentNow).toBe(30);
        expect(await sendAudit(db, batchId)).toMatchObject({ payments: 30, notExactlyOnce: [] });
        expect(await paymentProgress(db, batchId)).toMatchObject({ remaining: 0, readyToExport: true });
      });
    });
  });
}
