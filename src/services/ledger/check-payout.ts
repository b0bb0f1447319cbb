// The payout account agrees with what was recorded (鲁人社发〔2024〕8号 第八条：规范资金管理): every money arrival in the
// audit log is posted once with its amount; every batch that drew from the account (its proposal's audit entry says
// so, or a draw is posted) drew exactly its total, and a rejected one gave it back; every benefit line paid straight
// from the account drew its amount; and the account's balance is the arrivals less what was drawn and not given back.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import type { AccountBalance } from './balances.ts';

export interface PayoutViolation {
  code: 'PAYOUT_ACCOUNT';
  message: string;
  transactionKey?: string;
}

type Db = Kysely<Database>;

/** Each payout posting's amount on payout_funds (debit positive), by key. */
async function payoutPostings(db: Db): Promise<Map<string, Fen>> {
  const rows = await db
    .selectFrom('ledger_transactions as t')
    .innerJoin('ledger_lines as l', 'l.transaction_id', 't.id')
    .select(['t.key', sql<Fen>`sum(l.debit_fen - l.credit_fen)::bigint`.as('net')])
    .where('l.account', '=', 'payout_funds')
    .groupBy('t.key')
    .execute();
  return new Map(rows.map((r) => [r.key, Number(r.net)]));
}

async function audited(db: Db, action: string) {
  return db
    .selectFrom('audit_log')
    .select([
      'subject',
      sql<string | null>`detail->>'documentNo'`.as('documentNo'),
      sql<string | null>`coalesce(detail->>'amountFen', detail->>'payoutDrawnFen')`.as('amount'),
    ])
    .where('action', '=', action)
    .execute();
}

export async function payoutViolations(db: Db, balances: readonly AccountBalance[]): Promise<PayoutViolation[]> {
  const postings = await payoutPostings(db);
  const violations: PayoutViolation[] = [];
  /** A posting's amount in or out of the account (`sign` 1: into it, -1: out of it) is `fen`. */
  const expect = (key: string, sign: 1 | -1, fen: Fen, what: string) => {
    const posted = sign * (postings.get(key) ?? 0);
    if (posted !== fen)
      violations.push({
        code: 'PAYOUT_ACCOUNT',
        transactionKey: key,
        message: `${what}应为 ${formatYuan(fen)} 元，账上为 ${formatYuan(posted)} 元`,
      });
  };

  const arrivals = (await audited(db, 'fund_payout.arrival')).map((a) => ({
    key: `arrival:${a.documentNo}`,
    fen: Number(a.amount),
  }));
  for (const a of arrivals) expect(a.key, 1, a.fen, `资金到账（${a.key.slice('arrival:'.length)}）存入支出户`);
  const auditedArrivals = new Set(arrivals.map((a) => a.key));
  for (const key of postings.keys())
    if (key.startsWith('arrival:') && !auditedArrivals.has(key))
      violations.push({ code: 'PAYOUT_ACCOUNT', transactionKey: key, message: `资金到账凭证 ${key} 在审计日志中没有登记记录` });

  const drewByAudit = new Set(
    (await audited(db, 'payment_batch.propose')).filter((p) => p.amount !== null).map((p) => Number(p.subject.split(':')[1])),
  );
  const batches = await db.selectFrom('payment_batches').select(['id', 'status', 'total_fen']).orderBy('id').execute();
  let drawnFen = 0;
  for (const b of batches) {
    if (!drewByAudit.has(b.id) && !postings.has(`release:${b.id}`)) continue;
    expect(`release:${b.id}`, -1, b.total_fen, `支付批次 #${b.id} 动用支出户资金`);
    if (b.status === 'rejected') expect(`release-undo:${b.id}`, 1, b.total_fen, `被驳回的支付批次 #${b.id} 退回支出户资金`);
    else drawnFen += b.total_fen;
  }

  const lines = await db
    .selectFrom('benefit_payments')
    .select(['id', 'amount_fen'])
    .where(
      'id',
      'in',
      [...postings.keys()]
        .filter((k) => k.startsWith('release-line:'))
        .map((k) => Number(k.split(':')[1]))
        .concat(0),
    )
    .execute();
  for (const l of lines) expect(`release-line:${l.id}`, -1, l.amount_fen, `保生活支出 #${l.id} 动用支出户资金`);
  drawnFen += sumFen(lines.map((l) => l.amount_fen));

  const arrived = sumFen(arrivals.map((a) => a.fen));
  const balance = balances.find((b) => b.account === 'payout_funds')?.balanceFen ?? 0;
  if (balance !== arrived - drawnFen)
    violations.push({
      code: 'PAYOUT_ACCOUNT',
      message: `支出户余额 ${formatYuan(balance)} 元，与资金到账合计 ${formatYuan(arrived)} 元减已动用 ${formatYuan(drawnFen)} 元不符`,
    });
  return violations;
}
