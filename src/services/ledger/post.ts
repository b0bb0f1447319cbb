// The one place that writes the fund ledger (鲁人社发〔2024〕8号 第七条：资金直接拨付至企业账户；第八条：规范资金管理).
// A transaction is posted under a key that says what it records; the key is unique, so an event posted twice (a
// retry, a second worker, a restart after a crash) is posted once. Lines must balance: Σ debit = Σ credit.
// One helper per payment event, so no caller builds lines by hand:
//   commitment  Dr <expense>       / Cr payable          commit:<payment>   (<expense>: the purpose's account, fund for refunds)
//   send        Dr payable         / Cr bank_in_transit  send:<payment>:<attempt>
//   settlement  Dr bank_in_transit / Cr bank             settle:<payment>:<attempt>
//   failure     Dr bank_in_transit / Cr payable          fail:<payment>:<attempt>   (failed, or returned unsettled)
//   return      Dr bank            / Cr payable          return:<payment>:<attempt> (returned after settlement)
//   cancellation Dr payable        / Cr <expense>        cancel:<payment>
//   pilot spending Dr pilot_spending / Cr pilot_bank     pilot-spend:<commitment>   (鲁人社发〔2024〕8号 第六条)
//   recovery     Dr recovery_receivable / Cr <expense>   recovery:<risk hit>        (money paid that must come back)
//   repayment    Dr recovery_bank / Cr recovery_receivable recovery-repay:<risk hit>:<n>
//   living guarantee Dr living_spending / Cr living_bank living:<benefit payment>   (鲁人社发〔2024〕8号 第五条)
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { LedgerAccount, LedgerTransactionsTable } from '../../adapters/store/schema-payments.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import { expenseAccountOf, type ExpenseAccount, type PaymentPurpose } from '../../domain/payment-purposes.ts';
import { paymentPurposeLabels } from '../../domain/vocabulary/payment-purposes.ts';

type Executor = Transaction<Database> | Kysely<Database>;
export type LedgerKind = LedgerTransactionsTable['kind'];

export interface LedgerLine {
  account: LedgerAccount;
  debitFen?: Fen;
  creditFen?: Fen;
}

export interface LedgerPosting {
  key: string;
  kind: LedgerKind;
  paymentId?: number;
  /** The pilot commitment it spends (鲁人社发〔2024〕8号 第六条). */
  pilotCommitmentId?: number;
  /** The risk hit whose recovery it records (鲁人社发〔2024〕8号 第八条). */
  riskHitId?: number;
  /** The benefit-month line it pays (鲁人社发〔2024〕8号 第五条). */
  benefitPaymentId?: number;
  memo: string;
  /** Who posted it (actor name, e.g. 系统 or a member of finance staff). */
  by: string;
  lines: readonly LedgerLine[];
  /** When it happened (from the caller's Clock); the database's now() otherwise. */
  at?: Date;
}

/** A posting whose lines do not balance or are malformed: a programming error, never written. */
export class UnbalancedPostingError extends Error {}

function isAmount(value: Fen | undefined): boolean {
  return value === undefined || (Number.isSafeInteger(value) && value >= 0);
}

function checkLines(key: string, lines: readonly LedgerLine[]): void {
  if (lines.length < 2) throw new UnbalancedPostingError(`记账凭证 ${key} 至少须有一借一贷两行`);
  for (const line of lines) {
    const debit = line.debitFen ?? 0;
    const credit = line.creditFen ?? 0;
    if (!isAmount(line.debitFen) || !isAmount(line.creditFen) || (debit === 0) === (credit === 0)) {
      throw new UnbalancedPostingError(`记账凭证 ${key} 的每一行须且只能有一个正整数（分）的借方或贷方金额`);
    }
  }
  const debits = sumFen(lines.map((l) => l.debitFen ?? 0));
  const credits = sumFen(lines.map((l) => l.creditFen ?? 0));
  if (debits !== credits) {
    throw new UnbalancedPostingError(`记账凭证 ${key} 借贷不平：借方 ${formatYuan(debits)} 元，贷方 ${formatYuan(credits)} 元`);
  }
}

/** Posts the transaction and its lines unless its key was posted before; true when it was posted now. */
export async function postLedger(trx: Executor, posting: LedgerPosting): Promise<boolean> {
  checkLines(posting.key, posting.lines);
  const inserted = await trx
    .insertInto('ledger_transactions')
    .values({
      key: posting.key,
      kind: posting.kind,
      payment_id: posting.paymentId ?? null,
      pilot_commitment_id: posting.pilotCommitmentId ?? null,
      risk_hit_id: posting.riskHitId ?? null,
      benefit_payment_id: posting.benefitPaymentId ?? null,
      memo: posting.memo,
      posted_by: posting.by,
      ...(posting.at && { posted_at: posting.at }),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await trx
    .insertInto('ledger_lines')
    .values(
      posting.lines.map((line, i) => ({
        transaction_id: inserted.id,
        line_no: i + 1,
        account: line.account,
        debit_fen: line.debitFen ?? 0,
        credit_fen: line.creditFen ?? 0,
      })),
    )
    .execute();
  return true;
}

/** One event of one payment. */
export interface PaymentEvent {
  paymentId: number;
  amountFen: Fen;
  /** What the payment is for (default: the job-retention refund). */
  purpose?: PaymentPurpose;
  by: string;
  at?: Date;
}

/** One event of one bank attempt of a payment. */
export interface AttemptEvent extends PaymentEvent {
  attempt: number;
}

function postTransfer(
  trx: Executor,
  event: PaymentEvent,
  key: string,
  kind: LedgerKind,
  from: LedgerAccount,
  to: LedgerAccount,
  memo: string,
) {
  return postLedger(trx, {
    key,
    kind,
    paymentId: event.paymentId,
    by: event.by,
    at: event.at,
    memo: `${memo}（支付 #${event.paymentId}，${formatYuan(event.amountFen)} 元）`,
    lines: [
      { account: from, debitFen: event.amountFen },
      { account: to, creditFen: event.amountFen },
    ],
  });
}

const purposeOf = (event: PaymentEvent): PaymentPurpose => event.purpose ?? 'job_retention_refund';
/** 稳岗返还 for refunds (as before), the purpose's name otherwise. */
const nameOf = (event: PaymentEvent): string =>
  event.purpose && event.purpose !== 'job_retention_refund' ? paymentPurposeLabels[event.purpose] : '稳岗返还';

/** A payment was created for a decided grant: its purpose's expense account commits the amount. */
export function postCommitment(trx: Executor, event: PaymentEvent): Promise<boolean> {
  return postTransfer(
    trx,
    event,
    `commit:${event.paymentId}`,
    'commitment',
    expenseAccountOf[purposeOf(event)],
    'payable',
    `${nameOf(event)}应付确认`,
  );
}

/** The attempt went to the bank (a re-issue when attempt > 1). */
export function postSend(trx: Executor, event: AttemptEvent): Promise<boolean> {
  const reissue = event.attempt > 1;
  return postTransfer(
    trx,
    event,
    `send:${event.paymentId}:${event.attempt}`,
    reissue ? 'reissue' : 'payment',
    'payable',
    'bank_in_transit',
    reissue ? `${nameOf(event)}重新支付（第 ${event.attempt} 次）` : `${nameOf(event)}支付指令已发银行`,
  );
}

/** The bank reports the attempt paid. */
export function postSettlement(trx: Executor, event: AttemptEvent): Promise<boolean> {
  return postTransfer(
    trx,
    event,
    `settle:${event.paymentId}:${event.attempt}`,
    'settlement',
    'bank_in_transit',
    'bank',
    `银行回单确认支付成功（第 ${event.attempt} 次）`,
  );
}

/** The bank reports the attempt failed (or returned before it settled): the amount is payable again. */
export function postFailure(trx: Executor, event: AttemptEvent): Promise<boolean> {
  return postTransfer(
    trx,
    event,
    `fail:${event.paymentId}:${event.attempt}`,
    'return',
    'bank_in_transit',
    'payable',
    `银行回单支付失败（第 ${event.attempt} 次）`,
  );
}

/** A settled attempt came back from the recipient's bank: the amount is payable again. */
export function postReturn(trx: Executor, event: AttemptEvent): Promise<boolean> {
  return postTransfer(
    trx,
    event,
    `return:${event.paymentId}:${event.attempt}`,
    'return',
    'bank',
    'payable',
    `已支付款项被退回（第 ${event.attempt} 次）`,
  );
}

/** A payment withdrawn before it was sent: the commitment is released to the fund. */
export function postCancellation(trx: Executor, event: PaymentEvent): Promise<boolean> {
  return postTransfer(
    trx,
    event,
    `cancel:${event.paymentId}`,
    'cancellation',
    'payable',
    expenseAccountOf[purposeOf(event)],
    `${nameOf(event)}支付撤销`,
  );
}

/** A pilot commitment was spent (paid): the fund's pilot spending, paid out of its bank account. */
export function postPilotSpending(
  trx: Executor,
  event: { commitmentId: number; amountFen: Fen; memo: string; by: string; at?: Date },
): Promise<boolean> {
  return postLedger(trx, {
    key: `pilot-spend:${event.commitmentId}`,
    kind: 'pilot_spending',
    pilotCommitmentId: event.commitmentId,
    by: event.by,
    at: event.at,
    memo: `${event.memo}（试点承诺 #${event.commitmentId}，${formatYuan(event.amountFen)} 元）`,
    lines: [
      { account: 'pilot_spending', debitFen: event.amountFen },
      { account: 'pilot_bank', creditFen: event.amountFen },
    ],
  });
}

/** One event of a recovery (a confirmed risk hit after payment). */
export interface RecoveryEvent {
  hitId: number;
  /** The expense account the money was paid from (the payment purpose's; the refund fund otherwise). */
  expenseAccount?: ExpenseAccount;
  paymentId?: number;
  amountFen: Fen;
  by: string;
  at?: Date;
}

/** A hit was confirmed after payment: the fund is owed the amount back. */
export function postRecoveryReceivable(trx: Executor, event: RecoveryEvent): Promise<boolean> {
  return postLedger(trx, {
    key: `recovery:${event.hitId}`,
    kind: 'recovery_receivable',
    paymentId: event.paymentId,
    riskHitId: event.hitId,
    by: event.by,
    at: event.at,
    memo: `确认违规支付，应追回（风险疑点 #${event.hitId}，${formatYuan(event.amountFen)} 元）`,
    lines: [
      { account: 'recovery_receivable', debitFen: event.amountFen },
      { account: event.expenseAccount ?? 'fund', creditFen: event.amountFen },
    ],
  });
}

/** The n-th repayment of a recovery came in. */
export function postRecoveryRepayment(trx: Executor, event: RecoveryEvent & { seq: number }): Promise<boolean> {
  return postLedger(trx, {
    key: `recovery-repay:${event.hitId}:${event.seq}`,
    kind: 'recovery_repayment',
    paymentId: event.paymentId,
    riskHitId: event.hitId,
    by: event.by,
    at: event.at,
    memo: `追回款到账（风险疑点 #${event.hitId} 第 ${event.seq} 笔，${formatYuan(event.amountFen)} 元）`,
    lines: [
      { account: 'recovery_bank', debitFen: event.amountFen },
      { account: 'recovery_receivable', creditFen: event.amountFen },
    ],
  });
}

/** A living-guarantee line paid out of the fund directly (e.g. medical insurance paid on the person's behalf to the medical fund). */
export function postLivingGuarantee(
  trx: Executor,
  event: { benefitPaymentId: number; amountFen: Fen; memo: string; by: string; at?: Date },
): Promise<boolean> {
  return postLedger(trx, {
    key: `living:${event.benefitPaymentId}`,
    kind: 'living_guarantee',
    benefitPaymentId: event.benefitPaymentId,
    by: event.by,
    at: event.at,
    memo: `${event.memo}（保生活支出 #${event.benefitPaymentId}，${formatYuan(event.amountFen)} 元）`,
    lines: [
      { account: 'living_spending', debitFen: event.amountFen },
      { account: 'living_bank', creditFen: event.amountFen },
    ],
  });
}

/** One two-line posting of many written in bulk: Dr `debit` / Cr `credit` for the amount. */
export interface PairPosting {
  key: string;
  kind: LedgerKind;
  paymentId?: number;
  benefitPaymentId?: number;
  memo: string;
  debit: LedgerAccount;
  credit: LedgerAccount;
  amountFen: Fen;
}

/** Many two-line postings in two statements (a chunk of a monthly run); each posted once under its key. */
export async function postPairsMany(trx: Executor, postings: readonly PairPosting[], by: string, at?: Date): Promise<number> {
  const postable = postings.filter((p) => p.amountFen > 0);
  if (!postable.length) return 0;
  const inserted = await trx
    .insertInto('ledger_transactions')
    .values(
      postable.map((p) => ({
        key: p.key,
        kind: p.kind,
        payment_id: p.paymentId ?? null,
        benefit_payment_id: p.benefitPaymentId ?? null,
        posted_by: by,
        memo: p.memo,
        ...(at && { posted_at: at }),
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .returning(['id', 'key'])
    .execute();
  if (!inserted.length) return 0;
  const byKey = new Map(postable.map((p) => [p.key, p]));
  await trx
    .insertInto('ledger_lines')
    .values(
      inserted.flatMap((t) => {
        const p = byKey.get(t.key)!;
        return [
          { transaction_id: t.id, line_no: 1, account: p.debit, debit_fen: p.amountFen, credit_fen: 0 },
          { transaction_id: t.id, line_no: 2, account: p.credit, debit_fen: 0, credit_fen: p.amountFen },
        ];
      }),
    )
    .execute();
  return inserted.length;
}

/** Many payments' commitments (a chunk of person payments), each as postCommitment would post it. */
export function postCommitmentMany(trx: Executor, events: readonly PaymentEvent[], by: string, at?: Date): Promise<number> {
  return postPairsMany(
    trx,
    events.map((e) => ({
      key: `commit:${e.paymentId}`,
      kind: 'commitment' as const,
      paymentId: e.paymentId,
      memo: `${nameOf(e)}应付确认（支付 #${e.paymentId}，${formatYuan(e.amountFen)} 元）`,
      debit: expenseAccountOf[purposeOf(e)],
      credit: 'payable' as const,
      amountFen: e.amountFen,
    })),
    by,
    at,
  );
}

/** Many living-guarantee lines in two statements (a monthly run's chunk); each posted once under its key. */
export function postLivingGuaranteeMany(
  trx: Executor,
  events: readonly { benefitPaymentId: number; amountFen: Fen; memo: string }[],
  by: string,
  at?: Date,
): Promise<number> {
  return postPairsMany(
    trx,
    events.map((e) => ({
      key: `living:${e.benefitPaymentId}`,
      kind: 'living_guarantee' as const,
      benefitPaymentId: e.benefitPaymentId,
      memo: `${e.memo}（保生活支出 #${e.benefitPaymentId}，${formatYuan(e.amountFen)} 元）`,
      debit: 'living_spending' as const,
      credit: 'living_bank' as const,
      amountFen: e.amountFen,
    })),
    by,
    at,
  );
}
