// Hits become work, on both store backends: a hit before payment holds the payment out of every batch until a case
// worker's clearance is approved by a second person; a confirmed duplicate after payment becomes a recovery whose
// receivable and repayments balance in the ledger; every step is in the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { ledgerBalances } from '../../../src/services/ledger/balances.ts';
import { proposePaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { decideResolution, proposeResolution, recordRepayment } from '../../../src/services/risk/work-hit.ts';
import { insertConfirmedPayments } from '../../support/bank-fixtures.ts';
import { checker, maker, ROUND } from '../../support/payment-fixtures.ts';
import { caseWorker, clock, finance, hitsOf, paidTwiceByTwoDistricts, reviewer } from '../../support/risk-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`risk hits as work on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    const { withStore } = backend;

    it('holds a flagged payment out of the batch until its clearance is approved by a second person', async () => {
      await withStore(async ({ db }) => {
        const payments = await insertConfirmedPayments(db, [10_000, 20_000]);
        const [flagged, clean] = payments.map((p) => p.paymentId) as [number, number];
        await db
          .insertInto('unit_flags')
          .values({ unit_id: payments[0]!.unitId, flag: 'deregistered', from_date: '2024-09-01' })
          .execute();
        const [hit] = await hitsOf(db, 'unit_flagged_after_decision');

        await expect(proposePaymentBatch(db, { round: ROUND, actor: maker, clock, paymentIds: [flagged] })).rejects.toThrow(
          `以下支付有未处理的风险疑点，暂停支付：#${flagged}`,
        );
        const batch = await proposePaymentBatch(db, { round: ROUND, actor: maker, clock });
        expect(batch).toMatchObject({ paymentCount: 1, totalFen: 20_000 });
        expect(
          (await db.selectFrom('payments').select('batch_id').where('id', '=', clean).executeTakeFirstOrThrow()).batch_id,
        ).toBe(batch.batchId);

        await proposeResolution(db, {
          hitId: hit!.id,
          proposal: 'clear',
          note: '注销登记系误录，已核实更正',
          actor: caseWorker,
          clock,
        });
        await expect(proposePaymentBatch(db, { round: ROUND, actor: maker, clock, paymentIds: [flagged] })).rejects.toThrow(
          '暂停支付',
        );
        await expect(
          decideResolution(db, { hitId: hit!.id, approve: true, actor: { ...reviewer, name: caseWorker.name }, clock }),
        ).rejects.toThrow('双人复核');
        await decideResolution(db, { hitId: hit!.id, approve: true, actor: reviewer, clock });
        const released = await proposePaymentBatch(db, { round: ROUND, actor: checker, clock, paymentIds: [flagged] });
        expect(released).toMatchObject({ paymentCount: 1, totalFen: 10_000 });

        const audit = await db
          .selectFrom('audit_log')
          .select(['action', 'actor'])
          .where('subject', '=', `risk_hit:${hit!.id}`)
          .orderBy('seq')
          .execute();
        expect(audit).toEqual([
          { action: 'risk_hit.propose', actor: caseWorker.name },
          { action: 'risk_hit.approve', actor: reviewer.name },
        ]);
      });
    });

    it('turns a confirmed duplicate into a recovery whose ledger entries balance', async () => {
      await withStore(async ({ db }) => {
        const [, second] = await paidTwiceByTwoDistricts(db, 70_000);
        const [hit] = await hitsOf(db, 'duplicate_payment_across_districts');
        expect(hit!.payment_id).toBe(second);

        await proposeResolution(db, {
          hitId: hit!.id,
          proposal: 'confirm',
          note: '文登区重复支付，应追回',
          actor: caseWorker,
          clock,
        });
        await decideResolution(db, { hitId: hit!.id, approve: true, actor: reviewer, clock });
        let balances = Object.fromEntries((await ledgerBalances(db)).map((b) => [b.account, b.balanceFen]));
        expect(balances).toMatchObject({ recovery_receivable: 70_000, recovery_bank: 0, bank: 140_000 });

        await expect(
          recordRepayment(db, {
            hitId: hit!.id,
            amountFen: 80_000,
            receivedOn: '2024-10-20',
            reference: 'HK-1',
            actor: finance,
            clock,
          }),
        ).rejects.toThrow('超过尚未追回的 700.00 元');
        expect(
          await recordRepayment(db, {
            hitId: hit!.id,
            amountFen: 30_000,
            receivedOn: '2024-10-20',
            reference: 'HK-1',
            actor: finance,
            clock,
          }),
        ).toEqual({ repaidFen: 30_000, recovered: false });
        expect(
          await recordRepayment(db, {
            hitId: hit!.id,
            amountFen: 40_000,
            receivedOn: '2024-11-02',
            reference: 'HK-2',
            actor: finance,
            clock,
          }),
        ).toEqual({ repaidFen: 70_000, recovered: true });

        balances = Object.fromEntries((await ledgerBalances(db)).map((b) => [b.account, b.balanceFen]));
        expect(balances).toMatchObject({ recovery_receivable: 0, recovery_bank: 70_000, fund: 140_000 - 70_000 });
        const check = await checkLedger(db);
        expect(check.violations).toEqual([]);
        expect(
          (await db.selectFrom('risk_hits').select('status').where('id', '=', hit!.id).executeTakeFirstOrThrow()).status,
        ).toBe('recovered');
      });
    });

    it('returns a proposal to the case worker when the reviewer disagrees, and refuses a repayment on an open hit', async () => {
      await withStore(async ({ db }) => {
        await paidTwiceByTwoDistricts(db);
        const [hit] = await hitsOf(db, 'duplicate_payment_across_districts');
        await proposeResolution(db, { hitId: hit!.id, proposal: 'clear', note: '两笔用途不同', actor: caseWorker, clock });
        await expect(decideResolution(db, { hitId: hit!.id, approve: false, actor: reviewer, clock })).rejects.toThrow(
          '须填写核查意见',
        );
        await decideResolution(db, { hitId: hit!.id, approve: false, note: '用途相同，请重新核查', actor: reviewer, clock });
        expect(
          (await db.selectFrom('risk_hits').select('status').where('id', '=', hit!.id).executeTakeFirstOrThrow()).status,
        ).toBe('open');
        await expect(
          recordRepayment(db, { hitId: hit!.id, amountFen: 1, receivedOn: '2024-10-20', reference: 'x', actor: finance, clock }),
        ).rejects.toThrow('没有待追回的款项');
      });
    });
  });
}
