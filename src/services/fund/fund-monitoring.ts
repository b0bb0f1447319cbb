// Fund monitoring (鲁人社发〔2024〕8号 第八条：密切监测失业保险基金运行状况；威人社函〔2024〕41号 第三条): for a city's fund,
// month by month and district by district, its income (contributions and late fees paid), its spending by item
// (refunds paid out of the bank, net of returns, from the ledger; skill subsidies granted; the pilot's spending from
// the ledger; benefits, medical on behalf and price subsidies from the ledger), its balance (the sealed historical balance carried forward), and the months of spending the balance
// covers; with alerts when the cover falls below its threshold or a district's spending jumps (dated parameters).
// PostgreSQL sums the rows; JavaScript only lays the monthly totals side by side.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import {
  fundAlertLabels,
  spendingItemLabels,
  spendingItems,
  unrecordedSpendingLabels,
  type FundAlertKind,
  type IncomeItem,
  type SpendingItem,
} from '../../domain/vocabulary/fund-monitoring.ts';
import {
  addDays,
  addPeriods,
  firstDayOf,
  isValidPeriod,
  periodOf,
  periodsBetween,
  type IsoDate,
  type Period,
} from '../../policy/core/dates.ts';
import { formatYuan, sumFen, type Fen } from '../../policy/core/money.ts';
import { formatBpPercent } from '../../policy/core/ratio.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { fundMonitoringParameters } from '../../policy/fund-monitoring.ts';
import { Refusal } from '../../domain/refusal.ts';
import { regionScope } from '../screening/region-scope.ts';
import { livingSpendingRows } from './living-guarantee-spending.ts';

type Db = Kysely<Database>;

export interface MonitoringRequest {
  /** The fund: a city (or the province). */
  regionCode: string;
  from: Period;
  to: Period;
  /** Today: months after its month are not reported (nothing has happened in them yet). */
  today?: IsoDate;
}

export interface MonthPosition {
  period: Period;
  income: Record<IncomeItem, Fen>;
  incomeFen: Fen;
  spending: Record<SpendingItem, Fen>;
  spendingFen: Fen;
  /** At the month's end; null without a sealed balance to carry forward. */
  balanceFen: Fen | null;
  /** Months of average spending (the window's) the balance covers, to 0.1 month, rounded down; null without spending. */
  monthsCovered: number | null;
}

export interface RegionMonth {
  regionCode: string;
  regionName: string;
  period: Period;
  incomeFen: Fen;
  spendingFen: Fen;
}

export interface FundAlert {
  kind: FundAlertKind;
  label: string;
  period: Period;
  regionCode: string;
  message: string;
  legalBasis: string;
}

export interface FundMonitoring {
  regionCode: string;
  regionName: string;
  from: Period;
  to: Period;
  /** The balance carried forward: sealed on this date, from the pilot register; null when none is recorded. */
  sealed: { on: string; balanceFen: Fen } | null;
  months: MonthPosition[];
  regions: RegionMonth[];
  alerts: FundAlert[];
  itemLabels: Record<SpendingItem, string>;
  /** Spending the store has no record of, so not in these figures. */
  unrecorded: readonly string[];
}

interface Row {
  period: string;
  region_code: string;
  item: string;
  amount: number;
}

/** The calendar month (Asia/Shanghai) of an instant column, e.g. a ledger posting's time. */
const monthOfInstant = (column: string): RawBuilder<string> =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
const monthOfDate = (column: string): RawBuilder<string> => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')`;

async function incomeRows(db: Db, regions: string[], first: string, last: string): Promise<Row[]> {
  return db
    .selectFrom('unit_payments')
    .select([
      monthOfDate('paid_on').as('period'),
      'region_code',
      'kind as item',
      sql<number>`sum(amount_fen)::bigint`.as('amount'),
    ])
    .where('region_code', 'in', regions)
    .where('paid_on', '>=', first)
    .where('paid_on', '<=', last)
    .groupBy([sql`1`, 'region_code', 'kind'])
    .execute();
}

/** Refunds paid: the bank account's credits less its debits (returns after settlement), by the payment's district. */
async function refundRows(db: Db, regions: string[], first: string, last: string): Promise<Row[]> {
  return db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .innerJoin('payments as p', 'p.id', 't.payment_id')
    .select([
      monthOfInstant('t.posted_at').as('period'),
      'p.region_code',
      sql<string>`'refund'`.as('item'),
      sql<number>`sum(l.credit_fen - l.debit_fen)::bigint`.as('amount'),
    ])
    .where('l.account', '=', 'bank')
    .where('p.purpose', '=', 'job_retention_refund')
    .where('p.region_code', 'in', regions)
    .where(monthOfInstant('t.posted_at'), '>=', first.slice(0, 7))
    .where(monthOfInstant('t.posted_at'), '<=', last.slice(0, 7))
    .groupBy([sql`1`, 'p.region_code'])
    .execute();
}

async function skillSubsidyRows(db: Db, regions: string[], first: string, last: string): Promise<Row[]> {
  return db
    .selectFrom('subsidy_grants')
    .select([
      monthOfDate('granted_on').as('period'),
      'region_code',
      sql<string>`'skill_subsidy'`.as('item'),
      sql<number>`sum(amount_fen)::bigint`.as('amount'),
    ])
    .where('type', '=', 'skill_subsidy')
    .where('region_code', 'in', regions)
    .where('granted_on', '>=', first)
    .where('granted_on', '<=', last)
    .groupBy([sql`1`, 'region_code'])
    .execute();
}

/** The pilot's spending as posted to the ledger, by item and the fund it was committed against. */
async function pilotRows(db: Db, regions: string[], first: string, last: string): Promise<Row[]> {
  return db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .innerJoin('fund_pilot_commitments as c', 'c.id', 't.pilot_commitment_id')
    .select([
      monthOfInstant('t.posted_at').as('period'),
      'c.region_code',
      sql<string>`'pilot_' || c.item`.as('item'),
      sql<number>`sum(l.debit_fen - l.credit_fen)::bigint`.as('amount'),
    ])
    .where('l.account', '=', 'pilot_spending')
    .where('c.region_code', 'in', regions)
    .where(monthOfInstant('t.posted_at'), '>=', first.slice(0, 7))
    .where(monthOfInstant('t.posted_at'), '<=', last.slice(0, 7))
    .groupBy([sql`1`, 'c.region_code', 'c.item'])
    .execute();
}

function checkRange(from: Period, to: Period): void {
  if (!isValidPeriod(from) || !isValidPeriod(to)) throw new Refusal('INVALID', '起止月份须为 YYYY-MM');
  if (to < from) throw new Refusal('INVALID', `截止月份 ${to} 早于起始月份 ${from}`);
  if (periodsBetween(from, to) > 120) throw new Refusal('INVALID', '一次最多查询120个月');
}

const lastDayOf = (period: Period) => addDays(firstDayOf(addPeriods(period, 1)), -1);
const zeroSpending = (): Record<SpendingItem, Fen> =>
  Object.fromEntries(spendingItems.map((item) => [item, 0])) as Record<SpendingItem, Fen>;

/** balance ÷ (spending over the window ÷ months), to 0.1 month rounded down. */
function monthsCovered(balanceFen: Fen, windowSpendingFen: Fen, windowMonths: number): number | null {
  if (windowSpendingFen <= 0) return null;
  const tenths = (BigInt(Math.max(balanceFen, 0)) * 10n * BigInt(windowMonths)) / BigInt(windowSpendingFen);
  return Number(tenths) / 10;
}

export async function fundMonitoring(db: Db, params: ParameterStore, request: MonitoringRequest): Promise<FundMonitoring> {
  const { regionCode, from } = request;
  checkRange(from, request.to);
  const to = request.today && periodOf(request.today) < request.to ? periodOf(request.today) : request.to;
  if (to < from) throw new Refusal('INVALID', `起始月份 ${from} 尚未到来`);
  const region = await db.selectFrom('regions').select(['name', 'kind']).where('code', '=', regionCode).executeTakeFirst();
  if (!region) throw new Refusal('NOT_FOUND', `没有行政区划代码为 ${regionCode} 的地区`);
  if (region.kind !== 'city' && region.kind !== 'province')
    throw new Refusal('INVALID', `${region.name} 不是统筹地区（设区市或省），基金运行按统筹地区监测`);
  const scope = await regionScope(db, regionCode);
  const window = params.at(fundMonitoringParameters, 'coverageWindowMonths', firstDayOf(to))?.value ?? 12;

  const sealedRow = await db
    .selectFrom('fund_pilot_budgets')
    .select(['sealed_on', 'sealed_balance_fen'])
    .where('region_code', '=', regionCode)
    .where('sealed_on', '<', firstDayOf(from))
    .orderBy('sealed_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  const sealed = sealedRow ? { on: sealedRow.sealed_on, balanceFen: sealedRow.sealed_balance_fen } : null;
  // The balance is carried forward from the month after sealing; the average spending is that of the window's months
  // since then (fewer at the start), so a month's figures do not depend on the range asked for.
  const carryFrom = sealed ? periodOf(addDays(sealed.on, 1)) : from;
  const start = carryFrom < from ? carryFrom : from;
  const first = firstDayOf(start);
  const last = lastDayOf(to);

  const living = (regions: string[], from: string, until: string): Promise<Row[]> =>
    livingSpendingRows(db, regions, from.slice(0, 7), until.slice(0, 7));
  const rows = (
    await Promise.all(
      [incomeRows, refundRows, skillSubsidyRows, pilotRows]
        .map((query) => query(db, scope, first, last))
        .concat(living(scope, first, last)),
    )
  ).flat();
  const periods = Array.from({ length: periodsBetween(start, to) + 1 }, (_, i) => addPeriods(start, i));
  const byPeriod = new Map(
    periods.map((period) => [
      period,
      { income: { contribution: 0, late_fee: 0 } as Record<IncomeItem, Fen>, spending: zeroSpending() },
    ]),
  );
  const names = new Map(
    (await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', scope).execute()).map((r) => [r.code, r.name]),
  );
  const regionMonths = new Map<string, RegionMonth>();
  for (const row of rows) {
    const month = byPeriod.get(row.period);
    if (!month) continue;
    const isIncome = row.item === 'contribution' || row.item === 'late_fee';
    if (isIncome) month.income[row.item as IncomeItem] += row.amount;
    else month.spending[row.item as SpendingItem] += row.amount;
    const key = `${row.region_code}:${row.period}`;
    const regionMonth = regionMonths.get(key) ?? {
      regionCode: row.region_code,
      regionName: names.get(row.region_code) ?? row.region_code,
      period: row.period,
      incomeFen: 0,
      spendingFen: 0,
    };
    if (isIncome) regionMonth.incomeFen += row.amount;
    else regionMonth.spendingFen += row.amount;
    regionMonths.set(key, regionMonth);
  }

  let balance: Fen | null = sealed?.balanceFen ?? null;
  const spendingSeries: Fen[] = [];
  const all: MonthPosition[] = periods.map((period) => {
    const { income, spending } = byPeriod.get(period)!;
    const incomeFen = sumFen(Object.values(income));
    const spendingFen = sumFen(Object.values(spending));
    const known = balance !== null && period >= carryFrom;
    if (!known) return { period, income, incomeFen, spending, spendingFen, balanceFen: null, monthsCovered: null };
    spendingSeries.push(spendingFen);
    balance = balance! + incomeFen - spendingFen;
    const windowSeries = spendingSeries.slice(-window);
    return {
      period,
      income,
      incomeFen,
      spending,
      spendingFen,
      balanceFen: balance,
      monthsCovered: monthsCovered(balance, sumFen(windowSeries), windowSeries.length),
    };
  });
  const months = all.filter((m) => m.period >= from);
  const regions = [...regionMonths.values()]
    .filter((r) => r.period >= from)
    .sort((a, b) => a.period.localeCompare(b.period) || a.regionCode.localeCompare(b.regionCode));
  return {
    regionCode,
    regionName: region.name,
    from,
    to,
    sealed,
    months,
    regions,
    alerts: [...coverageAlerts(params, regionCode, months), ...jumpAlerts(params, regionMonths, from, to)].sort(
      (a, b) => a.period.localeCompare(b.period) || a.regionCode.localeCompare(b.regionCode),
    ),
    itemLabels: { ...spendingItemLabels },
    unrecorded: unrecordedSpendingLabels,
  };
}

function coverageAlerts(params: ParameterStore, regionCode: string, months: readonly MonthPosition[]): FundAlert[] {
  return months.flatMap((m) => {
    const threshold = params.at(fundMonitoringParameters, 'minMonthsCovered', firstDayOf(m.period));
    if (!threshold || m.monthsCovered === null || m.monthsCovered >= threshold.value) return [];
    return [
      {
        kind: 'LOW_COVERAGE' as const,
        label: fundAlertLabels.LOW_COVERAGE,
        period: m.period,
        regionCode,
        legalBasis: threshold.legalBasis,
        message: `${m.period} 末基金结余 ${formatYuan(m.balanceFen!)} 元，可支付 ${m.monthsCovered} 个月，低于预警线 ${threshold.value} 个月`,
      },
    ];
  });
}

function jumpAlerts(
  params: ParameterStore,
  regionMonths: ReadonlyMap<string, RegionMonth>,
  from: Period,
  to: Period,
): FundAlert[] {
  const alerts: FundAlert[] = [];
  for (const r of regionMonths.values()) {
    if (r.period < from || r.period > to) continue;
    const jump = params.at(fundMonitoringParameters, 'spendingJumpBp', firstDayOf(r.period));
    const minimum = params.at(fundMonitoringParameters, 'spendingJumpMinFen', firstDayOf(r.period));
    if (!jump || !minimum || r.spendingFen < minimum.value) continue;
    const previousFen = regionMonths.get(`${r.regionCode}:${addPeriods(r.period, -1)}`)?.spendingFen ?? 0;
    if (BigInt(r.spendingFen) * 10_000n <= BigInt(previousFen) * BigInt(10_000 + jump.value)) continue;
    alerts.push({
      kind: 'SPENDING_JUMP',
      label: fundAlertLabels.SPENDING_JUMP,
      period: r.period,
      regionCode: r.regionCode,
      legalBasis: jump.legalBasis,
      message: `${r.regionName} ${r.period} 支出 ${formatYuan(r.spendingFen)} 元，较上月 ${formatYuan(previousFen)} 元增幅超过 ${formatBpPercent(jump.value)}`,
    });
  }
  return alerts;
}
