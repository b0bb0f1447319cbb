// Money arriving for payment (鲁人社发〔2024〕8号 第八条：优先保障保生活支出): a finance officer records an allocation into
// the fund's payout account (资金到账: amount, document number, where it came from). It is posted to the ledger under
// its document number (recorded twice, posted once) and, in the same transaction, what waited for money is paid,
// living guarantee first: the monthly run's benefit lines left waiting are released (benefit/release-waiting-lines.ts),
// then the payment run re-allocates the pending payments from the payout account's new balance.
// The payout position shows what the next run may spend, from which source, and what waits.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import { Refusal } from '../../domain/refusal.ts';
import { benefitWaitReasons } from '../../domain/vocabulary/benefit.ts';
import type { PaymentPurpose } from '../../domain/payment-purposes.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import { sumFen, type Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { lockAuditLog } from '../audit/append-audit.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { releaseWaitingLines } from '../benefit/release-waiting-lines.ts';
import { proposeWithinFundsIn, type FundsLimitedProposal } from '../benefit/living-guarantee-first.ts';
import { payingRank } from '../payments/paying-order.ts';
import { fundsAvailable, type FundsAvailable } from './funds-available.ts';
import { postFundArrival } from '../ledger/post-payout.ts';
import { assertFinance } from '../payments/payment-actor.ts';
import { actorName } from '../round/case-transitions.ts';

export interface FundArrival {
  amountFen: Fen;
  /** The allocation's document number (拨款凭证号); an arrival is recorded once per number. */
  documentNo: string;
  /** Where the money came from, e.g. 财政专户划拨. */
  source: string;
  actor: Actor;
  clock: Clock;
  params: ParameterStore;
}

export interface FundArrivalResult {
  /** False when this document number had been recorded before (no new money). */
  posted: boolean;
  /** Benefit lines that waited for money and are now paid, and how many still wait for money. */
  lines: { releasedCount: number; releasedFen: Fen; stillWaiting: number };
  /** What waited and is now paid (batches for a second person to authorise), and what still waits. */
  run: FundsLimitedProposal;
}

export function recordFundArrival(db: Kysely<Database>, arrival: FundArrival): Promise<FundArrivalResult> {
  const { actor, clock } = arrival;
  assertFinance(actor);
  const documentNo = arrival.documentNo.trim();
  const source = arrival.source.trim();
  if (!Number.isSafeInteger(arrival.amountFen) || arrival.amountFen <= 0)
    throw new Refusal('INVALID', '到账金额须为正整数（分）');
  if (!documentNo || documentNo.length > 100) throw new Refusal('INVALID', '请填写拨款凭证号（不超过100字）');
  if (!source || source.length > 100) throw new Refusal('INVALID', '请填写资金来源（不超过100字）');
  const by = actorName(actor);
  return db.transaction().execute(async (trx) => {
    await lockAuditLog(trx);
    const posted = await postFundArrival(trx, {
      documentNo,
      source,
      amountFen: arrival.amountFen,
      by,
      at: clock.now(),
    });
    if (posted) {
      await recordAudit(trx, {
        actor,
        action: 'fund_payout.arrival',
        subject: auditSubject.fundPayout(),
        detail: { documentNo, source, amountFen: arrival.amountFen },
        clock,
      });
    }
    const waitingRounds = await trx
      .selectFrom('payment_waits as w')
      .innerJoin('payments as p', 'p.id', 'w.payment_id')
      .select('p.round')
      .distinct()
      .execute();
    const released = await releaseWaitingLines(trx, { params: arrival.params, today: clock.today(), by, at: clock.now() });
    const rounds = [...new Set([...waitingRounds.map((r) => r.round), ...released.rounds])];
    const run = await proposeWithinFundsIn(trx, { ...arrival, rounds });
    const paidLines = released.paid.filter((l) => l.status !== 'waiting');
    const lines = {
      releasedCount: paidLines.length,
      releasedFen: sumFen(paidLines.map((l) => l.amountFen)),
      stillWaiting: released.stillWaiting,
    };
    return { posted, lines, run };
  });
}

export interface PayoutPosition {
  funds: FundsAvailable;
  /** The payments waiting for money, in the order money will go to them. */
  waiting: { paymentId: number; round: string; purpose: PaymentPurpose; amountFen: Fen; reason: string; since: Date }[];
  waitingFen: Fen;
  /** The monthly runs' benefit lines waiting for money (paid when it arrives, before the payments above). */
  waitingLines: { count: number; amountFen: Fen };
}

/** What the next payment run may spend and from which source, and what waits for money. */
export async function payoutPosition(db: Kysely<Database>, params: ParameterStore, today: IsoDate): Promise<PayoutPosition> {
  const funds = await fundsAvailable(db, params, { today });
  const rows = await db
    .selectFrom('payment_waits as w')
    .innerJoin('payments as p', 'p.id', 'w.payment_id')
    .select(['p.id', 'p.round', 'p.purpose', 'p.amount_fen', 'w.reason', 'w.since'])
    .where('p.status', '=', 'pending')
    .orderBy('p.id')
    .execute();
  const waiting = rows
    .map((r) => ({
      paymentId: r.id,
      round: r.round,
      purpose: r.purpose,
      amountFen: r.amount_fen,
      reason: r.reason,
      since: r.since,
    }))
    .sort((a, b) => payingRank(a.purpose) - payingRank(b.purpose) || a.paymentId - b.paymentId);
  const lines = await db
    .selectFrom('benefit_payments')
    .select([sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('fen')])
    .where('status', '=', 'waiting')
    .where('wait_reason', '=', benefitWaitReasons.fundsShort)
    .executeTakeFirstOrThrow();
  return {
    funds,
    waiting,
    waitingFen: sumFen(waiting.map((w) => w.amountFen)),
    waitingLines: { count: lines.count, amountFen: Number(lines.fen) },
  };
}
