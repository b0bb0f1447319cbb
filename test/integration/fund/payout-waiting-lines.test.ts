// Money short and money arriving (鲁人社发〔2024〕8号 第八条：优先保障保生活支出) on both store backends: the monthly run
// takes its funds from the payout account when none are given, pays the benefit lines before a refund and leaves
// the rest waiting with the reason; money arriving pays the waiting lines once (the same arrival recorded twice pays
// nothing more); a refund batch larger than the payout account waits with its reason instead of going out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/adapters/store/schema.ts';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { benefitWaitReasons } from '../../../src/domain/vocabulary/benefit.ts';
import { proposeWithinFunds } from '../../../src/services/benefit/living-guarantee-first.ts';
import { monthLines } from '../../../src/services/benefit/month-lines.ts';
import { payoutPosition, recordFundArrival } from '../../../src/services/fund/fund-arrivals.ts';
import { checkLedger } from '../../../src/services/ledger/check.ts';
import { proposePaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { insertConfirmedPayments } from '../../support/bank-fixtures.ts';
import { approvedClaim, clock, insertClaimant, linesOf, monthsOf, params, runMonth } from '../../support/benefit-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const finance: Actor = { kind: 'staff', role: 'finance', name: '财务甲' };
type Db = Kysely<Database>;

const arrive = (db: Db, documentNo: string, amountFen: number) =>
  recordFundArrival(db, { amountFen, documentNo, source: '财政专户划拨', actor: finance, clock, params });
const available = async (db: Db) => (await payoutPosition(db, params, '2024-06-10')).funds.availableFen;

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`benefit lines waiting for money on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('pays benefit lines before a refund when money is short, and the waiting lines once when money arrives', async () => {
      await backend.withStore(async ({ db }) => {
        const [refund] = await insertConfirmedPayments(db, [5_000_00]);
        const first = await insertClaimant(db, { months: 30 });
        const second = await insertClaimant(db, { months: 30 });
        const firstClaim = await approvedClaim(db, first);
        const secondClaim = await approvedClaim(db, second);
        const { monthly_fen: monthly } = await db
          .selectFrom('benefit_claims')
          .select('monthly_fen')
          .where('id', '=', firstClaim)
          .executeTakeFirstOrThrow();
        const [benefitLine, medicalLine] = monthLines(params, '2024-06', monthly).filter((l) => !l.waitReason);
        const perPerson = benefitLine!.amountFen + medicalLine!.amountFen;

        // Money for one person's lines: the run takes it from the payout account, the second person's lines wait.
        await arrive(db, '威财社〔2024〕31号', perPerson);
        const run = await runMonth(db, '2024-06');
        expect(run.funds).toMatchObject({ availableFen: perPerson, source: 'ledger' });
        expect(run).toMatchObject({ spentFen: perPerson, waitingCount: 2 });
        expect((await linesOf(db, second.personId)).map((l) => [l.purpose, l.status, l.wait_reason])).toEqual([
          ['benefit', 'waiting', benefitWaitReasons.fundsShort],
          ['medical_on_behalf', 'waiting', benefitWaitReasons.fundsShort],
        ]);
        // The medical insurance went straight to the medical fund; the benefit payment waits for its batch.
        expect(await available(db)).toBe(benefitLine!.amountFen);

        // A payment run: the benefit before the refund that came first; the refund waits with its reason.
        const pay = await proposeWithinFunds(db, { params, actor: finance, clock });
        expect(pay.batches.map((b) => [b.purpose, b.totalFen])).toEqual([['unemployment_benefit', benefitLine!.amountFen]]);
        expect(pay.waiting).toEqual([
          expect.objectContaining({ paymentId: refund!.paymentId, reason: benefitWaitReasons.refundFundsShort }),
        ]);

        // Money for the second person's benefit only: it is paid, the medical line keeps waiting with its reason.
        const part = await arrive(db, '威财社〔2024〕32号', benefitLine!.amountFen);
        expect(part.lines).toEqual({ releasedCount: 1, releasedFen: benefitLine!.amountFen, stillWaiting: 1 });
        expect(part.run.batches.map((b) => [b.purpose, b.totalFen])).toEqual([['unemployment_benefit', benefitLine!.amountFen]]);
        expect((await linesOf(db, second.personId)).map((l) => [l.purpose, l.status, l.wait_reason])).toEqual([
          ['benefit', 'payable', null],
          ['medical_on_behalf', 'waiting', benefitWaitReasons.fundsShort],
        ]);
        expect(await monthsOf(db, secondClaim)).toContainEqual({ period: '2024-06', status: 'paid' });

        // The rest: the medical line, then the refund.
        const rest = await arrive(db, '威财社〔2024〕33号', medicalLine!.amountFen + 5_000_00);
        expect(rest.lines).toEqual({ releasedCount: 1, releasedFen: medicalLine!.amountFen, stillWaiting: 0 });
        expect(rest.run.batches.map((b) => [b.purpose, b.totalFen])).toEqual([['job_retention_refund', 5_000_00]]);
        expect(await available(db)).toBe(0);

        // The same arrival again: nothing new is paid.
        const again = await arrive(db, '威财社〔2024〕33号', medicalLine!.amountFen + 5_000_00);
        expect(again).toMatchObject({ posted: false, lines: { releasedCount: 0, stillWaiting: 0 }, run: { batches: [] } });
        const paidTo = await db
          .selectFrom('payments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('person_id', '=', second.personId)
          .executeTakeFirstOrThrow();
        expect(Number(paidTo.n)).toBe(1);
        const medicalPostings = await db
          .selectFrom('ledger_transactions as t')
          .innerJoin('benefit_payments as b', 'b.id', 't.benefit_payment_id')
          .select('t.key')
          .where('b.person_id', '=', second.personId)
          .orderBy('t.key')
          .execute();
        expect(medicalPostings.map((t) => t.key.split(':')[0])).toEqual(['living', 'release-line']);
        expect((await checkLedger(db)).violations).toEqual([]);
      });
    });

    it('keeps a refund batch larger than the payout account waiting with its reason until money arrives', async () => {
      await backend.withStore(async ({ db }) => {
        const payments = await insertConfirmedPayments(db, [3_000_00, 2_000_00]);
        await arrive(db, '威财社〔2024〕41号', 4_000_00);
        await expect(proposePaymentBatch(db, { round: '2024', actor: finance, clock })).rejects.toThrow(
          `支付批次合计 5,000.00 元，超过支出户可用资金 4,000.00 元：${benefitWaitReasons.refundFundsShort}`,
        );
        const position = await payoutPosition(db, params, '2024-06-10');
        expect(position.funds.availableFen).toBe(4_000_00);
        expect(position.waiting.map((w) => [w.paymentId, w.reason])).toEqual(
          payments.map((p) => [p.paymentId, benefitWaitReasons.refundFundsShort]),
        );
        expect(await db.selectFrom('payment_batches').select('id').execute()).toEqual([]);

        // A batch within the funds goes out and draws its total from the payout account.
        const small = await proposePaymentBatch(db, {
          round: '2024',
          actor: finance,
          clock,
          paymentIds: [payments[1]!.paymentId],
        });
        expect(small.totalFen).toBe(2_000_00);
        expect(await available(db)).toBe(2_000_00);

        // Money arriving pays the one still waiting.
        const arrived = await arrive(db, '威财社〔2024〕42号', 1_000_00);
        expect(arrived.run.batches.map((b) => [b.purpose, b.totalFen])).toEqual([['job_retention_refund', 3_000_00]]);
        expect((await payoutPosition(db, params, '2024-06-10')).waiting).toEqual([]);
      });
    });
  });
}
