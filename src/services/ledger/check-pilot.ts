// The pilot's postings agree with its register (鲁人社发〔2024〕8号 第六条; 第八条 规范资金管理): a spent commitment has
// exactly one pilot-spending voucher debiting the pilot's spending with the amount spent; a commitment still open or
// released has none; and the pilot-spending account's balance is the register's spent total.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import type { AccountBalance } from './balances.ts';

export interface PilotViolation {
  code: 'PILOT_SPENDING';
  message: string;
  transactionKey?: string;
}

export async function pilotViolations(db: Kysely<Database>, balances: readonly AccountBalance[]): Promise<PilotViolation[]> {
  const rows = await db
    .selectFrom('fund_pilot_commitments as c')
    .leftJoin('ledger_transactions as t', (join) =>
      join.onRef('t.pilot_commitment_id', '=', 'c.id').on('t.kind', '=', 'pilot_spending'),
    )
    .leftJoin('ledger_lines as l', (join) => join.onRef('l.transaction_id', '=', 't.id').on('l.account', '=', 'pilot_spending'))
    .select([
      'c.id',
      'c.status',
      'c.spent_fen',
      sql<number>`count(distinct t.id)::int`.as('vouchers'),
      sql<Fen>`coalesce(sum(l.debit_fen) - sum(l.credit_fen), 0)::bigint`.as('posted'),
    ])
    .groupBy(['c.id', 'c.status', 'c.spent_fen'])
    .orderBy('c.id')
    .execute();
  const violations: PilotViolation[] = [];
  for (const r of rows) {
    const expectedVouchers = r.status === 'spent' ? 1 : 0;
    const expectedFen = r.spent_fen ?? 0;
    if (r.vouchers !== expectedVouchers) {
      violations.push({
        code: 'PILOT_SPENDING',
        transactionKey: `pilot-spend:${r.id}`,
        message: `试点支出承诺 #${r.id} 应有 ${expectedVouchers} 笔支出凭证，实有 ${r.vouchers} 笔`,
      });
    } else if (r.posted !== expectedFen) {
      violations.push({
        code: 'PILOT_SPENDING',
        transactionKey: `pilot-spend:${r.id}`,
        message: `试点支出承诺 #${r.id} 入账 ${formatYuan(r.posted)} 元，与登记的支出金额 ${formatYuan(expectedFen)} 元不符`,
      });
    }
  }
  const spent = sumFen(rows.map((r) => r.spent_fen ?? 0));
  const account = balances.find((b) => b.account === 'pilot_spending')?.balanceFen ?? 0;
  if (account !== spent) {
    violations.push({
      code: 'PILOT_SPENDING',
      message: `试点支出科目余额 ${formatYuan(account)} 元，与登记的试点支出合计 ${formatYuan(spent)} 元不符`,
    });
  }
  return violations;
}
