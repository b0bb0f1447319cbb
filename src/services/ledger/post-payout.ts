// The fund's payout account (鲁人社发〔2024〕8号 第八条：优先保障保生活支出), written only through postLedger:
//   arrival      Dr payout_funds    / Cr payout_allocated  arrival:<document number>  (money arrived for payment)
//   release      Dr payout_released / Cr payout_funds      release:<batch>            (a payment run's batch draws it)
//   release undo Dr payout_funds    / Cr payout_released   release-undo:<batch>       (the batch was rejected)
//   line release Dr payout_released / Cr payout_funds      release-line:<benefit line> (medical insurance paid on a
//                                                          person's behalf straight from the fund, 第五条)
// The payout_funds balance is what the next payment run may spend.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import { postLedger, postPairsMany } from './post.ts';

type Executor = Transaction<Database> | Kysely<Database>;

export function postFundArrival(
  trx: Executor,
  event: { documentNo: string; amountFen: Fen; source: string; by: string; at: Date },
): Promise<boolean> {
  return postLedger(trx, {
    key: `arrival:${event.documentNo}`,
    kind: 'fund_arrival',
    by: event.by,
    at: event.at,
    memo: `资金到账（${event.source}，文号 ${event.documentNo}，${formatYuan(event.amountFen)} 元）`,
    lines: [
      { account: 'payout_funds', debitFen: event.amountFen },
      { account: 'payout_allocated', creditFen: event.amountFen },
    ],
  });
}

export function postPayoutRelease(
  trx: Executor,
  event: { batchId: number; amountFen: Fen; by: string; at: Date },
): Promise<boolean> {
  return postLedger(trx, {
    key: `release:${event.batchId}`,
    kind: 'payout_release',
    by: event.by,
    at: event.at,
    memo: `支付批次 #${event.batchId} 动用支出户资金 ${formatYuan(event.amountFen)} 元`,
    lines: [
      { account: 'payout_released', debitFen: event.amountFen },
      { account: 'payout_funds', creditFen: event.amountFen },
    ],
  });
}

/** Draws benefit lines paid straight from the fund (no payment batch) from the payout account, when it is in use. */
export async function postPayoutLineReleases(
  trx: Executor,
  lines: readonly { benefitPaymentId: number; amountFen: Fen }[],
  by: string,
  at: Date,
): Promise<number> {
  if (!lines.length || !(await payoutBalance(trx)).recorded) return 0;
  return postPairsMany(
    trx,
    lines.map((l) => ({
      key: `release-line:${l.benefitPaymentId}`,
      kind: 'payout_release' as const,
      benefitPaymentId: l.benefitPaymentId,
      memo: `保生活支出 #${l.benefitPaymentId} 动用支出户资金 ${formatYuan(l.amountFen)} 元`,
      debit: 'payout_released' as const,
      credit: 'payout_funds' as const,
      amountFen: l.amountFen,
    })),
    by,
    at,
  );
}

/** Gives back what a rejected batch drew, if it drew anything; true when posted now. */
export async function postPayoutReleaseUndo(trx: Executor, event: { batchId: number; by: string; at: Date }): Promise<boolean> {
  const drawn = await trx
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_lines as l', 'l.transaction_id', 't.id')
    .select('l.debit_fen')
    .where('t.key', '=', `release:${event.batchId}`)
    .where('l.account', '=', 'payout_released')
    .executeTakeFirst();
  if (!drawn) return false;
  return postLedger(trx, {
    key: `release-undo:${event.batchId}`,
    kind: 'payout_release',
    by: event.by,
    at: event.at,
    memo: `支付批次 #${event.batchId} 被驳回，退回支出户资金 ${formatYuan(drawn.debit_fen)} 元`,
    lines: [
      { account: 'payout_funds', debitFen: drawn.debit_fen },
      { account: 'payout_released', creditFen: drawn.debit_fen },
    ],
  });
}

/** The payout account: whether any money was ever recorded arriving, and what is left of it. */
export async function payoutBalance(trx: Executor): Promise<{ recorded: boolean; balanceFen: Fen }> {
  const row = await trx
    .selectFrom('ledger_lines')
    .select([sql<number>`count(*)::int`.as('lines'), sql<number>`coalesce(sum(debit_fen - credit_fen), 0)::bigint`.as('balance')])
    .where('account', '=', 'payout_funds')
    .executeTakeFirstOrThrow();
  return { recorded: row.lines > 0, balanceFen: Number(row.balance) };
}
