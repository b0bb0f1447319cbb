// Living guarantee first (鲁人社发〔2024〕8号 第八条) on both store backends: with too little money for the round's
// pending payments, the benefit is batched before a refund that came first; the refund waits with its reason and
// is batched once money arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/refund-case.ts';
import { benefitWaitReasons } from '../../../src/domain/vocabulary/benefit.ts';
import { proposeWithinFunds } from '../../../src/services/benefit/living-guarantee-first.ts';
import { insertConfirmedPayments } from '../../support/bank-fixtures.ts';
import { approvedClaim, clock, insertClaimant, params, runMonth } from '../../support/benefit-fixtures.ts';
import { storeBackends } from '../../support/store-backends.ts';

const finance: Actor = { kind: 'staff', role: 'finance', name: '财务甲' };

for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason)(`living guarantee first on ${backend.name}`, () => {
    beforeAll(backend.setup);
    afterAll(backend.teardown);
    it('pays the benefit before an earlier refund when funds fall short, and the refund when money arrives', async () => {
      await backend.withStore(async ({ db }) => {
        const [refund] = await insertConfirmedPayments(db, [5_000_00]);
        const person = await insertClaimant(db, { months: 30 });
        await approvedClaim(db, person);
        await runMonth(db, '2024-06');
        const benefit = await db
          .selectFrom('payments')
          .select(['id', 'amount_fen'])
          .where('purpose', '=', 'unemployment_benefit')
          .executeTakeFirstOrThrow();

        const short = await proposeWithinFunds(db, {
          rounds: ['2024'],
          availableFen: benefit.amount_fen + 1_00,
          params,
          actor: finance,
          clock,
        });
        expect(short.funds).toMatchObject({ availableFen: benefit.amount_fen + 1_00, source: 'given' });
        expect(short.batches.map((b) => [b.purpose, b.paymentCount, b.totalFen])).toEqual([
          ['unemployment_benefit', 1, benefit.amount_fen],
        ]);
        expect(short.waiting).toEqual([
          {
            paymentId: refund!.paymentId,
            round: '2024',
            purpose: 'job_retention_refund',
            amountFen: 5_000_00,
            reason: benefitWaitReasons.refundFundsShort,
          },
        ]);
        expect(await db.selectFrom('payment_waits').select(['payment_id', 'reason']).execute()).toEqual([
          { payment_id: refund!.paymentId, reason: benefitWaitReasons.refundFundsShort },
        ]);

        const later = await proposeWithinFunds(db, { rounds: ['2024'], availableFen: 5_000_00, params, actor: finance, clock });
        expect(later.batches.map((b) => [b.purpose, b.totalFen])).toEqual([['job_retention_refund', 5_000_00]]);
        expect(later.waiting).toEqual([]);
        expect(await db.selectFrom('payment_waits').select('payment_id').execute()).toEqual([]);
      });
    });
  });
}
