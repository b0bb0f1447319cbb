// One fund's pilot register at a glance (鲁人社发〔2024〕8号 第六条): its budget and headroom, its plan filings, its
// commitments and the totals by item, summed in PostgreSQL.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { pilotItemLabels, pilotItems, type PilotItem } from '../../domain/vocabulary/fund.ts';
import type { Fen } from '../../policy/core/money.ts';
import { getBudget, type FundKey, type PilotBudget } from './pilot-budget.ts';
import { listCommitments, type PilotCommitment } from './pilot-commitments.ts';
import { listPlans, type PlanFiling } from './pilot-plan.ts';

export interface ItemTotal {
  item: PilotItem;
  label: string;
  /** Open commitments. */
  openFen: Fen;
  spentFen: Fen;
}

export interface PilotRegister {
  budget: PilotBudget;
  plans: PlanFiling[];
  /** Whether commitments may be made (a reviewed filing; the provincial fund needs none). */
  planFiled: boolean;
  commitments: PilotCommitment[];
  byItem: ItemTotal[];
}

async function itemTotals(db: Kysely<Database>, key: FundKey): Promise<ItemTotal[]> {
  const rows = await db
    .selectFrom('fund_pilot_commitments')
    .select([
      'item',
      sql<number>`coalesce(sum(amount_fen) filter (where status = 'committed'), 0)::bigint`.as('open'),
      sql<number>`coalesce(sum(spent_fen) filter (where status = 'spent'), 0)::bigint`.as('spent'),
    ])
    .where('region_code', '=', key.regionCode)
    .where('year', '=', key.year)
    .groupBy('item')
    .execute();
  const byItem = new Map(rows.map((row) => [row.item, row]));
  return pilotItems.map((item) => ({
    item,
    label: pilotItemLabels[item],
    openFen: byItem.get(item)?.open ?? 0,
    spentFen: byItem.get(item)?.spent ?? 0,
  }));
}

export async function pilotRegister(db: Kysely<Database>, key: FundKey): Promise<PilotRegister> {
  const budget = await getBudget(db, key);
  const plans = await listPlans(db, key);
  return {
    budget,
    plans,
    planFiled: budget.level === 'province' || plans.some((plan) => plan.status === 'reviewed'),
    commitments: await listCommitments(db, key),
    byItem: await itemTotals(db, key),
  };
}
