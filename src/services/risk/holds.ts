// Which payments an open risk hit holds (鲁人社发〔2024〕8号 第八条：事中风险防控): a hit that holds names a payment, or
// else a unit or a person, all of whose payments it holds until a case worker clears it. A confirmed hit keeps holding.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** The payments among `paymentIds` that are held, each with the codes of the rules holding it. */
export async function heldPayments(db: Executor, paymentIds: readonly number[]): Promise<Map<number, string[]>> {
  if (!paymentIds.length) return new Map();
  const { rows } = await sql<{ id: number; rule_code: string }>`
    SELECT DISTINCT p.id, h.rule_code
    FROM payments p JOIN risk_hits h ON h.hold AND h.status IN ('open', 'proposed', 'confirmed')
      AND (h.payment_id = p.id OR (h.payment_id IS NULL AND (h.unit_id = p.unit_id OR h.person_id = p.person_id)))
    WHERE p.id IN (${sql.join(paymentIds)})
    ORDER BY p.id, h.rule_code`.execute(db);
  const held = new Map<number, string[]>();
  for (const row of rows) held.set(row.id, [...(held.get(row.id) ?? []), row.rule_code]);
  return held;
}
