// The fund's living-guarantee spending (鲁人社发〔2024〕8号 第五条、第八条) as fund monitoring and the monthly report read
// it, summed in PostgreSQL from the ledger: the unemployment benefit and the price subsidy as paid out of the bank
// (person payments, net of returns), medical insurance on the person's behalf as posted to the medical fund.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Period } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';

type Db = Kysely<Database>;
export type LivingItem = 'benefit' | 'medical_on_behalf' | 'price_subsidy';
export const livingItems: readonly LivingItem[] = ['benefit', 'medical_on_behalf', 'price_subsidy'];

const monthOfInstant = (column: string): RawBuilder<string> =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const itemOfPurpose = sql<string>`case p.purpose when 'unemployment_benefit' then 'benefit' else 'price_subsidy' end`;

export interface LivingRow {
  period: string;
  region_code: string;
  item: string;
  amount: number;
  persons: number;
}

/** By month, district and item, for the months first..last (YYYY-MM). */
export async function livingSpendingRows(db: Db, regions: readonly string[], first: Period, last: Period): Promise<LivingRow[]> {
  if (!regions.length) return [];
  const paid = db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .innerJoin('payments as p', 'p.id', 't.payment_id')
    .select([
      monthOfInstant('t.posted_at').as('period'),
      'p.region_code',
      itemOfPurpose.as('item'),
      sql<number>`sum(l.credit_fen - l.debit_fen)::bigint`.as('amount'),
      sql<number>`count(distinct p.person_id)::int`.as('persons'),
    ])
    .where('l.account', '=', 'bank')
    .where('p.purpose', 'in', ['unemployment_benefit', 'price_subsidy'])
    .where('p.region_code', 'in', [...regions])
    .where(monthOfInstant('t.posted_at'), '>=', first)
    .where(monthOfInstant('t.posted_at'), '<=', last)
    .groupBy([sql`1`, 'p.region_code', sql`3`])
    .execute();
  const medical = db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .innerJoin('benefit_payments as b', 'b.id', 't.benefit_payment_id')
    .select([
      monthOfInstant('t.posted_at').as('period'),
      'b.region_code',
      sql<string>`'medical_on_behalf'`.as('item'),
      sql<number>`sum(l.debit_fen - l.credit_fen)::bigint`.as('amount'),
      sql<number>`count(distinct b.person_id)::int`.as('persons'),
    ])
    .where('l.account', '=', 'living_spending')
    .where('b.purpose', '=', 'medical_on_behalf')
    .where('b.region_code', 'in', [...regions])
    .where(monthOfInstant('t.posted_at'), '>=', first)
    .where(monthOfInstant('t.posted_at'), '<=', last)
    .groupBy([sql`1`, 'b.region_code'])
    .execute();
  return (await Promise.all([paid, medical])).flat();
}

export interface LivingLine {
  item: LivingItem;
  persons: number;
  amountFen: Fen;
}

/** One month's totals per item (persons counted once per item). */
export async function livingSpendingLines(db: Db, regions: readonly string[], period: Period): Promise<LivingLine[]> {
  const rows = await livingSpendingRows(db, regions, period, period);
  return livingItems.map((item) => {
    const mine = rows.filter((r) => r.item === item);
    return { item, persons: mine.reduce((s, r) => s + r.persons, 0), amountFen: mine.reduce((s, r) => s + r.amount, 0) };
  });
}
