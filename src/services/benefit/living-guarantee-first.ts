// Living guarantee first (鲁人社发〔2024〕8号 第八条：优先保障保生活支出): when the pending payments need more than the
// funds available (given for this run, else the payout account's balance in the ledger, else a dated parameter — see
// fund/funds-available.ts), the unemployment benefit, the medical insurance paid on behalf and the price subsidy are
// put into batches first, in that order, then refunds and subsidies. What does not fit waits with its reason
// (payment_waits) and is paid by the next run — which recording money arriving starts (fund/fund-arrivals.ts). The
// run is one transaction under the audit lock, so two runs never batch a payment twice; each batch draws its total
// from the payout account when that account is in use. One batch per round and purpose, through maker-checker.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { PaymentPurpose } from '../../domain/payment-purposes.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { allocateByPriority } from '../../policy/benefit/living-guarantee-priority.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { fundsAvailable, type FundsAvailable } from '../fund/funds-available.ts';
import { assertFinance } from '../payments/payment-actor.ts';
import { proposeBatchIn, type PaymentBatchSummary } from '../payments/payment-batches.ts';
import { payingRank, priorityOf, waitReasonOf } from '../payments/paying-order.ts';
import { heldPayments } from '../risk/holds.ts';

export interface FundsLimitedRequest {
  /** The rounds (years) whose pending payments are paid; absent: every round with a pending payment. */
  rounds?: readonly string[];
  /** Funds for this run; absent: the payout account's balance, else the dated parameter. */
  availableFen?: Fen;
  params: ParameterStore;
  actor: Actor;
  clock: Clock;
}

export interface FundsLimitedProposal {
  funds: FundsAvailable;
  batches: (PaymentBatchSummary & { round: string; purpose: PaymentPurpose })[];
  waiting: { paymentId: number; round: string; purpose: string; amountFen: Fen; reason: string }[];
  proposedFen: Fen;
}

export function proposeWithinFunds(db: Kysely<Database>, request: FundsLimitedRequest): Promise<FundsLimitedProposal> {
  assertFinance(request.actor);
  return db.transaction().execute((trx) => proposeWithinFundsIn(trx, request));
}

/** The same inside the caller's transaction (recording money arriving pays what waited in the same transaction). */
export async function proposeWithinFundsIn(
  trx: Transaction<Database>,
  request: FundsLimitedRequest,
): Promise<FundsLimitedProposal> {
  const { actor, clock } = request;
  assertFinance(actor);
  await lockAuditLog(trx);
  const funds = await fundsAvailable(trx, request.params, { givenFen: request.availableFen, today: clock.today() });
  let query = trx.selectFrom('payments').select(['id', 'round', 'purpose', 'amount_fen']).where('status', '=', 'pending');
  if (request.rounds) query = query.where('round', 'in', request.rounds.length ? [...request.rounds] : ['']);
  const rows = await query.orderBy('id').execute();
  const held = await heldPayments(
    trx,
    rows.map((p) => p.id),
  );
  const pending = rows
    .filter((p) => !held.has(p.id))
    .sort((a, b) => payingRank(a.purpose) - payingRank(b.purpose) || a.id - b.id);
  const allocation = allocateByPriority(
    pending.map((p) => ({ key: p.id, priority: priorityOf(p.purpose), amountFen: p.amount_fen })),
    funds.availableFen,
  );
  const paying = new Set(allocation.paid);
  const batches: FundsLimitedProposal['batches'] = [];
  const groups = [...new Set(pending.filter((p) => paying.has(p.id)).map((p) => `${p.round}\t${p.purpose}`))];
  for (const group of groups) {
    const [round, purpose] = group.split('\t') as [string, PaymentPurpose];
    const paymentIds = pending.filter((p) => p.round === round && p.purpose === purpose && paying.has(p.id)).map((p) => p.id);
    const batch = await proposeBatchIn(trx, {
      round,
      purpose,
      paymentIds,
      actor,
      clock,
      note: '按保生活支出优先原则在可用资金内拨付',
    });
    batches.push({ ...batch, round, purpose });
  }
  const waiting = pending.filter((p) => !paying.has(p.id));
  if (allocation.paid.length) await trx.deleteFrom('payment_waits').where('payment_id', 'in', allocation.paid).execute();
  if (waiting.length) {
    await trx
      .insertInto('payment_waits')
      .values(waiting.map((p) => ({ payment_id: p.id, since: clock.now(), reason: waitReasonOf(p.purpose) })))
      .onConflict((oc) => oc.column('payment_id').doNothing())
      .execute();
  }
  await recordAudit(trx, {
    actor,
    action: 'fund_payout.run',
    subject: auditSubject.fundPayout(),
    detail: { availableFen: funds.availableFen, source: funds.source, proposedFen: allocation.paidFen, waiting: waiting.length },
    clock,
  });
  return {
    funds,
    batches,
    proposedFen: allocation.paidFen,
    waiting: waiting.map((p) => ({
      paymentId: p.id,
      round: p.round,
      purpose: p.purpose,
      amountFen: p.amount_fen,
      reason: waitReasonOf(p.purpose),
    })),
  };
}
