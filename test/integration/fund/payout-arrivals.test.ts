// The fund's payout account (鲁人社发〔2024〕8号 第八条：优先保障保生活支出) on both store backends: a payment run's funds
// default to the dated parameter until money arriving is recorded, then to the ledger's payout balance; recording
// money arriving pays what waited in priority order (living guarantee first) and never pays a payment twice — the
// same document recorded again adds nothing, two arrivals at once batch each payment once, and a rejected batch gives
// its money back for the next run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/adapters/store/schema.ts';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { benefitWaitReasons } from '../../../src/domain/vocabulary/benefit.ts';
import { proposeWithinFunds } from '../../../src/services/benefit/living-guarantee-first.ts';
import { payoutPosition, recordFundArrival } from '../../../src/services/fund/fund-arrivals.ts';
import { rejectPaymentBatch } from '../../../src/services/payments/payment-batches.ts';
import { insertConfirmedPayments } from '../../support/bank-fixtures.ts';
import { approvedClaim, clock, insertClaimant, params, runMonth } from '../../support/benefit-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const financeA: Actor = { kind: 'staff', role: 'finance', name: '财务甲' };
const financeB: Actor = { kind: 'staff', role: 'finance', name: '财务乙' };
type Db = Kysely<Database>;

const arrive = (db: Db, documentNo: string, amountFen: number) =>
  recordFundArrival(db, { amountFen, documentNo, source: '财政专户划拨', actor: financeA, clock, params });

/** Every payment that left pending, with the batch that took it. */
const batched = (db: Db) =>
  db.selectFrom('payments').select(['id', 'purpose', 'batch_id']).where('status', '=', 'in_batch').orderBy('id').execute();

/** A pending benefit payment and two pending refunds (3,000 and 2,000 yuan), all waiting after a run with no money. */
async function waitingPayments(db: Db) {
  const [big, small] = await insertConfirmedPayments(db, [3_000_00, 2_000_00]);
  await approvedClaim(db, await insertClaimant(db, { months: 30 }));
  await runMonth(db, '2024-06');
  const benefit = await db
    .selectFrom('payments')
    .select(['id', 'amount_fen'])
    .where('purpose', '=', 'unemployment_benefit')
    .executeTakeFirstOrThrow();
  const none = await proposeWithinFunds(db, { availableFen: 0, params, actor: financeA, clock });
  expect(none.waiting.map((w) => w.paymentId)).toEqual([benefit.id, big!.paymentId, small!.paymentId]);
  return { benefit: { id: benefit.id, amountFen: benefit.amount_fen }, big: big!.paymentId, small: small!.paymentId };
}

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`the payout account on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);

    it('takes the funds from the parameter until money arriving is recorded, then from the ledger, and says which', async () => {
      await backend.withStore(async ({ db }) => {
        const before = await payoutPosition(db, params, '2024-06-10');
        expect(before.funds).toEqual({
          availableFen: 10_000_000_00,
          source: 'parameter',
          sourceLabel: '参数默认额度（未登记资金到账）',
          legalBasis: '鲁人社发〔2024〕8号 第八条（优先保障保生活支出，规范资金管理）',
        });
        await arrive(db, '威财社〔2024〕1号', 1_234_56);
        const after = await payoutPosition(db, params, '2024-06-10');
        expect(after.funds).toMatchObject({
          availableFen: 1_234_56,
          source: 'ledger',
          sourceLabel: '支出户账面余额（资金到账登记）',
        });
        const given = await proposeWithinFunds(db, { availableFen: 99_00, params, actor: financeA, clock });
        expect(given.funds.source).toBe('given');
      });
    });

    it('pays what waited when money arrives, living guarantee first, each payment once', async () => {
      await backend.withStore(async ({ db }) => {
        const { benefit, big, small } = await waitingPayments(db);

        // Part of the money: the benefit first; then the 2,000 refund fits, the 3,000 one waits.
        const first = await arrive(db, '威财社〔2024〕11号', benefit.amountFen + 2_500_00);
        expect(first.posted).toBe(true);
        expect(first.run.funds).toMatchObject({ availableFen: benefit.amountFen + 2_500_00, source: 'ledger' });
        expect(first.run.batches.map((b) => [b.purpose, b.totalFen])).toEqual([
          ['unemployment_benefit', benefit.amountFen],
          ['job_retention_refund', 2_000_00],
        ]);
        expect(first.run.waiting).toEqual([
          {
            paymentId: big,
            round: '2024',
            purpose: 'job_retention_refund',
            amountFen: 3_000_00,
            reason: benefitWaitReasons.refundFundsShort,
          },
        ]);
        expect((await payoutPosition(db, params, '2024-06-10')).funds.availableFen).toBe(500_00);

        // The same document again: no new money, nothing paid twice.
        const again = await arrive(db, '威财社〔2024〕11号', benefit.amountFen + 2_500_00);
        expect(again.posted).toBe(false);
        expect(again.run.batches).toEqual([]);
        expect((await batched(db)).map((p) => p.id)).toEqual(
          [benefit.id, big, small].filter((id) => id !== big).sort((a, b) => a - b),
        );

        // The rest arrives: the waiting refund is paid, nothing waits.
        const second = await arrive(db, '威财社〔2024〕12号', 2_500_00);
        expect(second.run.batches.map((b) => [b.purpose, b.paymentCount, b.totalFen])).toEqual([
          ['job_retention_refund', 1, 3_000_00],
        ]);
        expect(await db.selectFrom('payment_waits').select('payment_id').execute()).toEqual([]);
        const all = await batched(db);
        expect(all.map((p) => p.id).sort((a, b) => a - b)).toEqual([benefit.id, big, small].sort((a, b) => a - b));
        expect((await payoutPosition(db, params, '2024-06-10')).funds.availableFen).toBe(0);

        // A rejected batch gives its money back; the next run pays it again from the ledger.
        const bigBatch = second.run.batches[0]!.batchId;
        await rejectPaymentBatch(db, { batchId: bigBatch, actor: financeB, note: '凭证不全', clock });
        expect((await payoutPosition(db, params, '2024-06-10')).funds.availableFen).toBe(3_000_00);
        const rerun = await proposeWithinFunds(db, { params, actor: financeA, clock });
        expect(rerun.funds).toMatchObject({ availableFen: 3_000_00, source: 'ledger' });
        expect(rerun.batches.map((b) => [b.purpose, b.totalFen])).toEqual([['job_retention_refund', 3_000_00]]);
        expect((await payoutPosition(db, params, '2024-06-10')).funds.availableFen).toBe(0);
      });
    });

    it('batches each waiting payment once when two arrivals are recorded at the same time', async () => {
      await backend.withStore(async ({ db }) => {
        const { benefit, big, small } = await waitingPayments(db);
        const [a, b] = await Promise.all([
          arrive(db, '威财社〔2024〕21号', benefit.amountFen + 5_000_00),
          arrive(db, '威财社〔2024〕22号', benefit.amountFen + 5_000_00),
        ]);
        const paid = [...a.run.batches, ...b.run.batches];
        expect(paid.reduce((sum, batch) => sum + batch.paymentCount, 0)).toBe(3);
        const rows = await batched(db);
        expect(rows.map((p) => p.id).sort((x, y) => x - y)).toEqual([benefit.id, big, small].sort((x, y) => x - y));
        const batches = await db.selectFrom('payment_batches').select(['id', 'total_fen']).execute();
        expect(batches.reduce((sum, x) => sum + x.total_fen, 0)).toBe(benefit.amountFen + 5_000_00);
        expect((await payoutPosition(db, params, '2024-06-10')).funds.availableFen).toBe(benefit.amountFen + 5_000_00);
      });
    });
  });
}
