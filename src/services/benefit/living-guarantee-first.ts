// Living guarantee first (鲁人社发〔2024〕8号 第八条：优先保障保生活支出): when the pending payments of a round need more
// than the funds available, the unemployment benefit, the medical insurance paid on behalf and the price subsidy are
// put into batches first, then refunds and subsidies. What does not fit waits with its reason (payment_waits) and
// is proposed by a later call, when money has arrived. One batch per purpose, through the usual maker-checker.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { PaymentPurpose } from '../../domain/payment-purposes.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { benefitWaitReasons } from '../../domain/vocabulary/benefit.ts';
import type { Fen } from '../../policy/core/money.ts';
import { allocateByPriority, type PriorityClass } from '../../policy/benefit/living-guarantee-priority.ts';
import { proposePaymentBatch, type PaymentBatchSummary } from '../payments/payment-batches.ts';
import { Refusal } from '../../domain/refusal.ts';

const LIVING: ReadonlySet<PaymentPurpose> = new Set(['unemployment_benefit', 'medical_insurance_on_behalf', 'price_subsidy']);

export const priorityOf = (purpose: string): PriorityClass =>
  LIVING.has(purpose as PaymentPurpose) ? 'living_guarantee' : 'other';

export interface FundsLimitedProposal {
  batches: (PaymentBatchSummary & { purpose: PaymentPurpose })[];
  waiting: { paymentId: number; purpose: string; amountFen: Fen; reason: string }[];
  proposedFen: Fen;
}

export async function proposeWithinFunds(
  db: Kysely<Database>,
  request: { round: string; availableFen: Fen; actor: Actor; clock: Clock },
): Promise<FundsLimitedProposal> {
  const { round, availableFen, actor, clock } = request;
  if (!Number.isSafeInteger(availableFen) || availableFen < 0) throw new Refusal('INVALID', '可用资金须为不小于零的金额（分）');
  const pending = await db
    .selectFrom('payments')
    .select(['id', 'purpose', 'amount_fen'])
    .where('round', '=', round)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();
  const allocation = allocateByPriority(
    pending.map((p) => ({ key: p.id, priority: priorityOf(p.purpose), amountFen: p.amount_fen })),
    availableFen,
  );
  const paying = new Set(allocation.paid);
  const batches: FundsLimitedProposal['batches'] = [];
  const purposes = [...new Set(pending.filter((p) => paying.has(p.id)).map((p) => p.purpose as PaymentPurpose))].sort(
    (a, b) => Number(priorityOf(b) === 'living_guarantee') - Number(priorityOf(a) === 'living_guarantee'),
  );
  for (const purpose of purposes) {
    const paymentIds = pending.filter((p) => p.purpose === purpose && paying.has(p.id)).map((p) => p.id);
    const batch = await proposePaymentBatch(db, {
      round,
      purpose,
      paymentIds,
      actor,
      clock,
      note: '按保生活支出优先原则在可用资金内拨付',
    });
    batches.push({ ...batch, purpose });
  }
  const waiting = pending.filter((p) => !paying.has(p.id));
  await db.transaction().execute(async (trx) => {
    if (allocation.paid.length) await trx.deleteFrom('payment_waits').where('payment_id', 'in', allocation.paid).execute();
    if (waiting.length) {
      await trx
        .insertInto('payment_waits')
        .values(
          waiting.map((p) => ({
            payment_id: p.id,
            since: clock.now(),
            reason:
              priorityOf(p.purpose) === 'living_guarantee' ? benefitWaitReasons.fundsShort : benefitWaitReasons.refundFundsShort,
          })),
        )
        .onConflict((oc) => oc.column('payment_id').doNothing())
        .execute();
    }
  });
  return {
    batches,
    proposedFen: allocation.paidFen,
    waiting: waiting.map((p) => ({
      paymentId: p.id,
      purpose: p.purpose,
      amountFen: p.amount_fen,
      reason: priorityOf(p.purpose) === 'living_guarantee' ? benefitWaitReasons.fundsShort : benefitWaitReasons.refundFundsShort,
    })),
  };
}
