// Reads the job-retention refund's contract input (鲁人社发〔2024〕8号 第二条) for a chunk of units from the store, in
// one set-based query per table: the units, their exclusion flags in force, the dues of the months before the screening
// month and the receipts paid by the screening date (each as one plain text per unit, hashed as read), the base year's
// headcount figures summed by PostgreSQL, and the case workers' overrides — one row per unit and table.
import { sql, type Kysely, type RawBuilder, type Selection } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import { periodOf, type IsoDate } from '../../policy/core/dates.ts';
import { industries, type Industry } from '../../policy/core/input-fields.ts';
import { jobRetentionRefundInput, type JobRetentionRefundInput } from '../../policy/job-retention-refund.ts';
import type { ExclusionFlag, Headcount } from '../../policy/refund/refund-input.ts';
import { Refusal } from '../../domain/refusal.ts';
import { monthsFromText, receiptsFromText } from './ledger-text.ts';

export interface UnitInput {
  unitId: number;
  regionCode: string;
  input: JobRetentionRefundInput;
  /**
   * The figures the input was built from, as read (the unit's record, flags, per-month dues, receipts,
   * headcounts, overrides): what the input hash covers (decide.ts). Serialised when read, not before.
   */
  readonly figures: string;
}

export interface InputChunkQuery {
  round: string;
  asOf: IsoDate;
  baseYear: number;
  /** Units with an id above this one, in id order. */
  afterId: number;
  limit: number;
  /** Only units in these regions (all units when absent). */
  regionCodes?: readonly string[];
}

const INDUSTRIES: ReadonlySet<string> = new Set(industries);

function groupByUnit<T extends { unit_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.unit_id);
    if (group) group.push(row);
    else groups.set(row.unit_id, [row]);
  }
  return groups;
}

/** Sets `value` at a dotted input path (e.g. `unit.size`), creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** An input changed by a case worker's overrides must still fit the contract. */
function checkedOverride(input: JobRetentionRefundInput, unitId: number): JobRetentionRefundInput {
  const parsed = jobRetentionRefundInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Refusal('INVALID', `单位 ${unitId} 的人工补录数据有误：${issue.path.map(String).join('.')}：${issue.message}`);
}

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/**
 * The receipts paid by the screening date, one text per unit (`period paid_on amount_fen kind` joined by `;`, in
 * period, date, kind and amount order): the rule sums them itself (足额缴费 per period; 返还基数, 补缴欠费 and 滞纳金
 * by the year paid), so nothing is lost however a month was paid. One aggregate per unit sorts only that unit's few
 * receipts (no grouping of the whole chunk by period, kind and year), and plain text is cheaper to build than JSON and
 * is split without JSON.parse (docs/BENCHMARKS.md, fifth pass).
 */
export function paymentReceipts(db: Kysely<Database>, scope: RawBuilder<boolean>, asOf: IsoDate) {
  return db
    .selectFrom('unit_payments')
    .where(scope)
    .where('paid_on', '<=', asOf)
    .select([
      'unit_id',
      sql<string>`string_agg(period || ' ' || paid_on::text || ' ' || amount_fen || ' ' || kind, ';' ORDER BY period, paid_on, kind, amount_fen)`.as(
        'rows',
      ),
    ])
    .groupBy('unit_id');
}

/**
 * Headcounts (SPEC Art. 2 condition 3): start = December before the base year, end = December of the base year,
 * retiredOrDied = the base year's natural attrition; a unit first insured during the base year has start 0 and
 * firstInsuredMonth = the headcount of its earliest base-year month.
 */
export function headcountFigures(db: Kysely<Database>, scope: RawBuilder<boolean>, baseYear: number) {
  const [december, yearStart, yearEnd] = [`${baseYear - 1}-12`, `${baseYear}-01`, `${baseYear}-12`];
  return db
    .selectFrom('unit_headcounts')
    .where(scope)
    .where('period', '>=', december)
    .where('period', '<=', yearEnd)
    .select([
      'unit_id',
      sql<number>`coalesce(max(insured_count) FILTER (WHERE period = ${december}), 0)`.as('start'),
      sql<number>`coalesce(max(insured_count) FILTER (WHERE period = ${yearEnd}), 0)`.as('end'),
      sql<number>`coalesce(sum(natural_attrition) FILTER (WHERE period >= ${yearStart}), 0)::int`.as('retired'),
      sql<number | null>`(array_agg(insured_count ORDER BY period) FILTER (WHERE period >= ${yearStart}))[1]`.as('first_month'),
    ])
    .groupBy('unit_id');
}

/** The dues of the months before the screening month, one text per unit (`period due_fen` joined by `;`, hashed as read). */
export function monthlyDues(db: Kysely<Database>, scope: RawBuilder<boolean>, asOf: IsoDate) {
  return db
    .selectFrom('unit_contribution_months')
    .where(scope)
    .where('period', '<', periodOf(asOf))
    .select(['unit_id', sql<string>`string_agg(period || ' ' || due_fen, ';' ORDER BY period)`.as('rows')])
    .groupBy('unit_id');
}

type HeadcountRow = { start: number; end: number; retired: number; first_month: number | null };

function headcountOf(row: HeadcountRow | undefined): Headcount {
  if (!row) return { start: 0, end: 0, retiredOrDied: 0 };
  const headcount: Headcount = { start: row.start, end: row.end, retiredOrDied: row.retired };
  if (row.start === 0 && row.first_month !== null) headcount.firstInsuredMonth = row.first_month;
  return headcount;
}

export const UNIT_COLUMNS = [
  'id',
  'credit_code',
  'name',
  'org_type',
  'size',
  'industry',
  'employees',
  'revenue_wan',
  'assets_wan',
  'region_code',
  'labor_dispatch',
  'corporate_account_masked',
] as const;

/** The inputs of up to `limit` units after `afterId`, in id order. */
export async function loadRefundInputs(db: Kysely<Database>, query: InputChunkQuery): Promise<UnitInput[]> {
  const { asOf, baseYear, regionCodes } = query;
  let unitQuery = db.selectFrom('units').select(UNIT_COLUMNS).where('id', '>', query.afterId);
  if (regionCodes) unitQuery = unitQuery.where('region_code', 'in', regionCodes);
  const units = await unitQuery.orderBy('id').limit(query.limit).execute();
  if (units.length === 0) return [];
  const [first, last] = [units[0]!.id, units.at(-1)!.id];

  // Every ledger query is bounded by the chunk's id range (and its regions when a region is screened), so it runs on
  // one shard when the ledger is distributed by region (docs/SCALING.md); rows of units outside the chunk are never
  // used: inputs are built for the chunk's units only.
  const inRange = sql<boolean>`unit_id BETWEEN ${first} AND ${last}`;
  const inScope = regionCodes ? sql<boolean>`${inRange} AND region_code IN (${sql.join(regionCodes)})` : inRange;
  const [flags, months, payments, headcounts, overrides] = await Promise.all([
    db
      .selectFrom('unit_flags')
      .where(inRange)
      .select(['unit_id', 'flag'])
      .where('from_date', '<=', asOf)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', asOf)]))
      .orderBy('unit_id')
      .orderBy('flag')
      .execute(),
    // One row per unit with its dues or receipts as one text: few rows for the driver to decode, and the text is hashed as read.
    monthlyDues(db, inScope, asOf).execute(),
    paymentReceipts(db, inScope, asOf).execute(),
    headcountFigures(db, inScope, baseYear).execute(),
    db
      .selectFrom('decision_overrides')
      .where(inRange)
      .select(['unit_id', 'field', 'value'])
      .where('round', '=', query.round)
      .orderBy('unit_id')
      .orderBy('field')
      .execute(),
  ]);
  const flagsOf = groupByUnit(flags);
  const monthsOf = new Map(months.map((m) => [m.unit_id, m.rows]));
  const paymentsOf = new Map(payments.map((p) => [p.unit_id, p.rows]));
  const headcountsOf = new Map(headcounts.map((h) => [h.unit_id, h]));
  const overridesOf = groupByUnit(overrides);

  return units.map((u) =>
    unitInput(
      u,
      {
        flags: (flagsOf.get(u.id) ?? []).map((f) => f.flag),
        monthsText: monthsOf.get(u.id) ?? '',
        paymentsText: paymentsOf.get(u.id) ?? '',
        headcount: headcountsOf.get(u.id),
        overrides: overridesOf.get(u.id),
      },
      asOf,
    ),
  );
}

type UnitRow = Selection<Database, 'units', (typeof UNIT_COLUMNS)[number]>;

/** What was read for one unit besides its record, as the chunk read and the one-unit read both return it. */
export interface UnitFigures {
  flags: readonly string[];
  monthsText: string;
  paymentsText: string;
  headcount: HeadcountRow | undefined;
  overrides: readonly { field: string; value: unknown }[] | undefined;
}

/** The contract input built from what was read, and the figures its hash covers. */
export function unitInput(u: UnitRow, read: UnitFigures, asOf: IsoDate): UnitInput {
  const { monthsText, paymentsText, overrides } = read;
  const headcount = headcountOf(read.headcount);
  const input: JobRetentionRefundInput = {
    id: u.id,
    asOf,
    unit: {
      creditCode: u.credit_code,
      name: u.name,
      orgType: u.org_type,
      size: u.size,
      industry: u.industry !== null && INDUSTRIES.has(u.industry) ? (u.industry as Industry) : null,
      employees: u.employees,
      revenueWan: toNumber(u.revenue_wan),
      assetsWan: toNumber(u.assets_wan),
      flags: [...new Set(read.flags as ExclusionFlag[])],
      laborDispatch: u.labor_dispatch,
      hasCorporateAccount: u.corporate_account_masked !== null,
    },
    months: monthsFromText(monthsText),
    payments: receiptsFromText(paymentsText),
    headcount,
  };
  // One figure per line (FIGURES_FORMAT in decide.ts): the texts as read hold no line break, the JSON parts escape theirs.
  const serialise = () =>
    `${asOf}\n${JSON.stringify(input.unit)}\n${monthsText}\n${paymentsText}\n${JSON.stringify(headcount)}\n` +
    JSON.stringify(overrides?.map((o) => [o.field, o.value]) ?? []);
  // Without overrides the figures are serialised only when asked for (a screening hashes them, a what-if run never
  // does); with overrides, before they are applied, since they change the input in place.
  if (!overrides)
    return {
      unitId: u.id,
      regionCode: u.region_code,
      input,
      get figures() {
        return serialise();
      },
    };
  const figures = serialise();
  for (const o of overrides) setPath(input as unknown as Record<string, unknown>, o.field, o.value);
  return { unitId: u.id, regionCode: u.region_code, input: checkedOverride(input, u.id), figures };
}
