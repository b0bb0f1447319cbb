// Proves the fund ledger (鲁人社发〔2024〕8号 第八条：规范资金管理) and reports every violation in Chinese:
//   1. Σ debit = Σ credit, overall and in every transaction (each with at least one debit and one credit line);
//   2. every payment has exactly one commitment, of its amount, debiting its purpose's expense account;
//   3. the ledger agrees with the payments' states, in total and payment by payment:
//      payable = Σ pending / in_batch / failed / returned, bank in transit = Σ sent, bank (credits − debits) = Σ paid
//      (a payment withdrawn by a cancellation holds nothing anywhere);
//   4. the pilot's postings agree with its register (check-pilot.ts);
//   5. the payout account holds the money recorded arriving less what batches and benefit lines drew (check-payout.ts).
import { sql, type Kysely } from 'kysely';
import { paymentStatusLabel } from '../../domain/vocabulary/payments.ts';
import type { LedgerAccount, PaymentStatus } from '../../adapters/store/schema-payments.ts';
import type { Database } from '../../adapters/store/schema.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import { expenseAccountOf } from '../../domain/payment-purposes.ts';
import { accountLabels, ledgerBalances, normalBalance, type AccountBalance } from './balances.ts';
import { pilotViolations } from './check-pilot.ts';
import { payoutViolations } from './check-payout.ts';

export type ViolationCode =
  | 'UNBALANCED_LEDGER'
  | 'UNBALANCED_TRANSACTION'
  | 'COMMITMENT'
  | 'ACCOUNT_TOTAL'
  | 'PAYMENT_STATE'
  | 'PILOT_SPENDING'
  | 'PAYOUT_ACCOUNT';

export interface LedgerViolation {
  code: ViolationCode;
  message: string;
  paymentId?: number;
  transactionKey?: string;
}

export interface LedgerCheck {
  ok: boolean;
  violations: LedgerViolation[];
  balances: AccountBalance[];
  paymentCount: number;
  transactionCount: number;
}

/** The accounts that hold a refund payment's amount (the pilot's accounts hold none). */
type Held = Extract<LedgerAccount, 'payable' | 'bank_in_transit' | 'bank'>;
const HELD: readonly Held[] = ['payable', 'bank_in_transit', 'bank'];

/** The account holding a payment's amount in each state. */
const holderOf: Readonly<Record<PaymentStatus, Held>> = {
  pending: 'payable',
  in_batch: 'payable',
  failed: 'payable',
  returned: 'payable',
  sent: 'bank_in_transit',
  paid: 'bank',
};

type Db = Kysely<Database>;

async function transactionViolations(db: Db): Promise<LedgerViolation[]> {
  const rows = await db
    .selectFrom('ledger_transactions as t')
    .leftJoin('ledger_lines as l', 'l.transaction_id', 't.id')
    .select([
      't.key',
      't.payment_id',
      sql<number>`coalesce(sum(l.debit_fen), 0)::bigint`.as('debit'),
      sql<number>`coalesce(sum(l.credit_fen), 0)::bigint`.as('credit'),
      sql<number>`count(l.debit_fen) filter (where l.debit_fen > 0)::int`.as('debit_lines'),
      sql<number>`count(l.credit_fen) filter (where l.credit_fen > 0)::int`.as('credit_lines'),
    ])
    .groupBy(['t.id', 't.key', 't.payment_id'])
    .having((eb) =>
      eb.or([
        eb(sql`coalesce(sum(l.debit_fen), 0)`, '<>', sql`coalesce(sum(l.credit_fen), 0)`),
        eb(sql`count(l.debit_fen) filter (where l.debit_fen > 0)`, '=', 0),
        eb(sql`count(l.credit_fen) filter (where l.credit_fen > 0)`, '=', 0),
      ]),
    )
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    code: 'UNBALANCED_TRANSACTION',
    transactionKey: r.key,
    ...(r.payment_id !== null && { paymentId: r.payment_id }),
    message:
      r.debit_lines === 0 || r.credit_lines === 0
        ? `记账凭证 ${r.key} 分录不完整：借方 ${r.debit_lines} 行，贷方 ${r.credit_lines} 行`
        : `记账凭证 ${r.key} 借贷不平：借方 ${formatYuan(r.debit)} 元，贷方 ${formatYuan(r.credit)} 元`,
  }));
}

/** The expense account a payment's commitment debits, by its purpose. */
const expenseAccountSql = sql<LedgerAccount>`case p.purpose ${sql.join(
  Object.entries(expenseAccountOf).map(([purpose, account]) => sql`when ${purpose} then ${account}`),
  sql` `,
)} end`;

async function commitmentViolations(db: Db): Promise<LedgerViolation[]> {
  const rows = await db
    .selectFrom('payments as p')
    .leftJoin('ledger_transactions as t', (join) => join.onRef('t.payment_id', '=', 'p.id').on('t.kind', '=', 'commitment'))
    .leftJoin('ledger_lines as l', (join) => join.onRef('l.transaction_id', '=', 't.id').on('l.account', '=', expenseAccountSql))
    .select([
      'p.id',
      'p.amount_fen',
      sql<number>`count(distinct t.id)::int`.as('commitments'),
      sql<number>`coalesce(sum(l.debit_fen), 0)::bigint`.as('committed'),
    ])
    .groupBy(['p.id', 'p.amount_fen'])
    .having((eb) =>
      eb.or([eb(sql`count(distinct t.id)`, '<>', 1), eb(sql`coalesce(sum(l.debit_fen), 0)`, '<>', eb.ref('p.amount_fen'))]),
    )
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    code: 'COMMITMENT',
    paymentId: r.id,
    message:
      r.commitments === 1
        ? `支付 #${r.id} 的应付确认金额 ${formatYuan(r.committed)} 元与支付金额 ${formatYuan(r.amount_fen)} 元不符`
        : `支付 #${r.id} 应有且只有一笔应付确认凭证，实有 ${r.commitments} 笔`,
  }));
}

interface PaymentHolding {
  id: number;
  status: PaymentStatus;
  amountFen: Fen;
  cancelled: boolean;
  held: Record<Held, Fen>;
}

async function paymentHoldings(db: Db): Promise<PaymentHolding[]> {
  const rows = await db
    .selectFrom('payments as p')
    .leftJoin('ledger_transactions as t', 't.payment_id', 'p.id')
    .leftJoin('ledger_lines as l', 'l.transaction_id', 't.id')
    .select([
      'p.id',
      'p.status',
      'p.amount_fen',
      'l.account',
      sql<number>`coalesce(sum(l.debit_fen), 0)::bigint`.as('debit'),
      sql<number>`coalesce(sum(l.credit_fen), 0)::bigint`.as('credit'),
      sql<boolean>`bool_or(t.kind = 'cancellation')`.as('cancelled'),
    ])
    .groupBy(['p.id', 'p.status', 'p.amount_fen', 'l.account'])
    .orderBy('p.id')
    .execute();
  const holdings = new Map<number, PaymentHolding>();
  for (const r of rows) {
    const holding = holdings.get(r.id) ?? {
      id: r.id,
      status: r.status,
      amountFen: r.amount_fen,
      cancelled: false,
      held: { payable: 0, bank_in_transit: 0, bank: 0 },
    };
    holding.cancelled ||= r.cancelled === true;
    if (r.account && (HELD as readonly string[]).includes(r.account))
      holding.held[r.account as Held] = normalBalance(r.account, r.debit, r.credit);
    holdings.set(r.id, holding);
  }
  return [...holdings.values()];
}

function expectedHeld(p: PaymentHolding): Record<Held, Fen> {
  const expected = { payable: 0, bank_in_transit: 0, bank: 0 };
  if (!p.cancelled) expected[holderOf[p.status]] = p.amountFen;
  return expected;
}

function stateViolations(holdings: readonly PaymentHolding[], balances: readonly AccountBalance[]): LedgerViolation[] {
  const violations: LedgerViolation[] = [];
  for (const account of HELD) {
    const expected = sumFen(holdings.map((p) => expectedHeld(p)[account]));
    const actual = balances.find((b) => b.account === account)!.balanceFen;
    if (expected !== actual) {
      const states = Object.entries(holderOf)
        .filter(([, held]) => held === account)
        .map(([s]) => paymentStatusLabel[s as PaymentStatus])
        .join('、');
      violations.push({
        code: 'ACCOUNT_TOTAL',
        message: `${accountLabels[account]}余额 ${formatYuan(actual)} 元，与「${states}」状态的支付合计 ${formatYuan(expected)} 元不符`,
      });
    }
  }
  for (const p of holdings) {
    const expected = expectedHeld(p);
    const wrong = HELD.filter((account) => p.held[account] !== expected[account]);
    if (!wrong.length) continue;
    const detail = wrong
      .map((account) => `${accountLabels[account]} ${formatYuan(p.held[account])} 元（应为 ${formatYuan(expected[account])} 元）`)
      .join('，');
    const state = p.cancelled ? '已撤销' : paymentStatusLabel[p.status];
    violations.push({
      code: 'PAYMENT_STATE',
      paymentId: p.id,
      message: `支付 #${p.id} 状态为「${state}」，与账务不符：${detail}`,
    });
  }
  return violations;
}

export async function checkLedger(db: Db): Promise<LedgerCheck> {
  const balances = await ledgerBalances(db);
  const violations: LedgerViolation[] = [];
  const debits = sumFen(balances.map((b) => b.debitFen));
  const credits = sumFen(balances.map((b) => b.creditFen));
  if (debits !== credits) {
    violations.push({
      code: 'UNBALANCED_LEDGER',
      message: `总账借贷不平：借方合计 ${formatYuan(debits)} 元，贷方合计 ${formatYuan(credits)} 元`,
    });
  }
  violations.push(...(await transactionViolations(db)), ...(await commitmentViolations(db)));
  const holdings = await paymentHoldings(db);
  violations.push(
    ...stateViolations(holdings, balances),
    ...(await pilotViolations(db, balances)),
    ...(await payoutViolations(db, balances)),
  );
  const { count } = await db
    .selectFrom('ledger_transactions')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  return { ok: violations.length === 0, violations, balances, paymentCount: holdings.length, transactionCount: count };
}
