// A fund's pilot budget (鲁人社发〔2024〕8号 第六条；威人社函〔2024〕41号 第一条): a city records its historical balance sealed
// at the end of the year before the pilot, and its cap is computed once by the spending-cap rule from its dated ratio
// (floor to the fen). The provincial fund (省本级) records its balance too; its items are outside every city cap.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { FundPilotBudgetsTable } from '../../adapters/store/schema-fund.ts';
import type { FundLevel } from '../../domain/vocabulary/fund.ts';
import type { Clock } from '../../domain/ports/clock.ts';
import type { Actor } from '../../domain/refund-case.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { evaluateSpendingCap, spendingCapParameters } from '../../policy/spending-cap.ts';
import { auditSubject } from '../audit/audit-subject.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { Refusal } from '../../domain/refusal.ts';
import { actorName } from '../round/case-transitions.ts';
import { assertFundRecorder } from './fund-actor.ts';
import { capRefusal } from './pilot-refusal.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** The date the historical balance is sealed at: the last day before the pilot year. */
function sealedOnFor(year: number): string {
  return `${year - 1}-12-31`;
}

export interface FundKey {
  regionCode: string;
  year: number;
}

export interface RecordBudget extends FundKey {
  sealedBalanceFen: Fen;
  actor: Actor;
  clock: Clock;
}

export interface PilotBudget extends FundKey {
  regionName: string;
  level: FundLevel;
  sealedOn: string;
  sealedBalanceFen: Fen;
  capRatioBp: number | null;
  /** null for the provincial fund, which no city cap binds. */
  capFen: Fen | null;
  /** Open commitments plus what was spent: what counts against the cap. */
  committedFen: Fen;
  spentFen: Fen;
  /** Never below 0; null without a cap. */
  remainingFen: Fen | null;
  recordedBy: string;
}

async function levelOf(db: Executor, regionCode: string): Promise<{ level: FundLevel; name: string }> {
  const region = await db.selectFrom('regions').select(['kind', 'name']).where('code', '=', regionCode).executeTakeFirst();
  if (!region) throw new Refusal('NOT_FOUND', `没有行政区划代码为 ${regionCode} 的地区`);
  if (region.kind !== 'city' && region.kind !== 'province') {
    throw new Refusal('INVALID', `${region.name}（${regionCode}）不是设区市或省本级，试点支出额度按市（省本级）登记`);
  }
  return { level: region.kind, name: region.name };
}

export function budgetView(row: Selectable<FundPilotBudgetsTable>, regionName: string): PilotBudget {
  return {
    regionCode: row.region_code,
    year: row.year,
    regionName,
    level: row.level,
    sealedOn: row.sealed_on,
    sealedBalanceFen: row.sealed_balance_fen,
    capRatioBp: row.cap_ratio_bp,
    capFen: row.cap_fen,
    committedFen: row.committed_fen,
    spentFen: row.spent_fen,
    remainingFen: row.cap_fen === null ? null : Math.max(0, row.cap_fen - row.committed_fen),
    recordedBy: row.recorded_by,
  };
}

/** The fund's budget row, or NOT_FOUND in Chinese. */
export async function findBudget(db: Executor, key: FundKey): Promise<Selectable<FundPilotBudgetsTable>> {
  const row = await db
    .selectFrom('fund_pilot_budgets')
    .selectAll()
    .where('region_code', '=', key.regionCode)
    .where('year', '=', key.year)
    .executeTakeFirst();
  if (!row) throw new Refusal('NOT_FOUND', `${key.regionCode} 尚未登记 ${key.year} 年度试点支出额度（封定历史结余基金）`);
  return row;
}

export async function getBudget(db: Executor, key: FundKey): Promise<PilotBudget> {
  const row = await findBudget(db, key);
  return budgetView(row, (await levelOf(db, key.regionCode)).name);
}

/** Records the sealed balance once per fund and year; a city's cap is the spending-cap rule's, rounded down. */
export async function recordBudget(db: Kysely<Database>, params: ParameterStore, request: RecordBudget): Promise<PilotBudget> {
  const { regionCode, year, sealedBalanceFen, actor, clock } = request;
  assertFundRecorder(actor);
  if (!Number.isSafeInteger(sealedBalanceFen) || sealedBalanceFen < 0)
    throw new Refusal('INVALID', '封定历史结余基金须为非负整数（分）');
  const { level, name } = await levelOf(db, regionCode);
  let capRatioBp: number | null = null;
  let capFen: Fen | null = null;
  if (level === 'city') {
    const decision = evaluateSpendingCap(
      {
        id: `${regionCode}:${year}`,
        asOf: `${year}-01-01`,
        sealedBalanceFen,
        committedFen: 0,
        requestFen: 0,
        planFiled: true,
      },
      params,
    );
    if (decision.capFen === null) throw capRefusal(decision);
    capFen = decision.capFen as Fen;
    capRatioBp = params.at(spendingCapParameters, 'capRatioBp', `${year}-01-01`)!.value;
  }
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('fund_pilot_budgets')
      .values({
        region_code: regionCode,
        year,
        level,
        sealed_on: sealedOnFor(year),
        sealed_balance_fen: sealedBalanceFen,
        cap_ratio_bp: capRatioBp,
        cap_fen: capFen,
        recorded_by: actorName(actor),
        recorded_at: clock.now(),
      })
      .onConflict((oc) => oc.columns(['region_code', 'year']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) throw new Refusal('CONFLICT', `${name} ${year} 年度的封定历史结余基金已登记，不能重复登记`);
    await recordAudit(trx, {
      actor,
      action: 'fund_pilot.record_budget',
      subject: auditSubject.pilotFund(regionCode, year),
      clock,
      detail: { sealedBalanceFen, capFen, capRatioBp, level },
    });
    return budgetView(inserted, name);
  });
}

export async function listBudgets(db: Kysely<Database>, year?: number): Promise<PilotBudget[]> {
  let query = db
    .selectFrom('fund_pilot_budgets as b')
    .innerJoin('regions as r', 'r.code', 'b.region_code')
    .selectAll('b')
    .select('r.name')
    .orderBy('b.year')
    .orderBy('b.region_code');
  if (year !== undefined) query = query.where('b.year', '=', year);
  return (await query.execute()).map((row) => budgetView(row, row.name));
}
