// Reads the job-retention refund's contract input (鲁人社发〔2024〕8号 第二条) for a chunk of units from the store, in
// one set-based query per table: the units, their exclusion flags in force, the months due before the screening
// month, the payments made by the screening date, the base year's headcounts, and the case workers' overrides.
import { sql, type Kysely } from 'kysely';
import type { Database, PaymentKind } from '../../adapters/store/schema.ts';
import { periodOf, type IsoDate, type Period } from '../../policy/core/dates.ts';
import { industries, type Industry } from '../../policy/core/input-fields.ts';
import { jobRetentionRefundInput, type JobRetentionRefundInput } from '../../policy/job-retention-refund.ts';
import type { ExclusionFlag, Headcount } from '../../policy/refund/refund-input.ts';

export interface UnitInput {
  unitId: number;
  regionCode: string;
  input: JobRetentionRefundInput;
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

/**
 * Headcounts (SPEC Art. 2 condition 3): start = December before the base year, end = December of the base year,
 * retiredOrDied = the base year's natural attrition; a unit first insured during the base year has start 0 and
 * firstInsuredMonth = the headcount of its earliest base-year month.
 */
export function headcountOf(rows: readonly { period: Period; insured_count: number; natural_attrition: number }[], baseYear: number): Headcount {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const start = byPeriod.get(`${baseYear - 1}-12`)?.insured_count ?? 0;
  const inYear = rows.filter((r) => r.period.startsWith(`${baseYear}-`)).sort((a, b) => a.period.localeCompare(b.period));
  const headcount: Headcount = {
    start,
    end: byPeriod.get(`${baseYear}-12`)?.insured_count ?? 0,
    retiredOrDied: inYear.reduce((sum, r) => sum + r.natural_attrition, 0),
  };
  if (start === 0 && inYear[0]) headcount.firstInsuredMonth = inYear[0].insured_count;
  return headcount;
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
  throw new InvalidOverrideError(`单位 ${unitId} 的人工补录数据有误：${issue.path.map(String).join('.')}：${issue.message}`);
}

export class InvalidOverrideError extends Error {}

const toNumber = (value: string | null) => (value === null ? null : Number(value));

/** The inputs of up to `limit` units after `afterId`, in id order. */
export async function loadRefundInputs(db: Kysely<Database>, query: InputChunkQuery): Promise<UnitInput[]> {
  const { asOf, baseYear, regionCodes } = query;
  let unitQuery = db
    .selectFrom('units')
    .select(['id', 'credit_code', 'name', 'org_type', 'size', 'industry', 'employees', 'revenue_wan', 'assets_wan',
      'region_code', 'labor_dispatch', 'corporate_account'])
    .where('id', '>', query.afterId);
  if (regionCodes) unitQuery = unitQuery.where('region_code', 'in', regionCodes);
  const units = await unitQuery.orderBy('id').limit(query.limit).execute();
  if (units.length === 0) return [];
  const [first, last] = [units[0]!.id, units.at(-1)!.id];

  // Rows of the chunk's id range; the regions filter keeps other regions' units out when a region is screened (rows
  // of units outside the chunk are never used: inputs are built for the chunk's units only).
  const inRange = sql<boolean>`unit_id BETWEEN ${first} AND ${last}`;
  const inScope = regionCodes ? sql<boolean>`${inRange} AND region_code IN (${sql.join(regionCodes)})` : inRange;
  const [flags, months, payments, headcounts, overrides] = await Promise.all([
    db.selectFrom('unit_flags').where(inRange).select(['unit_id', 'flag'])
      .where('from_date', '<=', asOf)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', asOf)]))
      .orderBy('unit_id').orderBy('flag').execute(),
    // One row per unit with its records as a JSON array: far fewer rows for the driver to decode than one per record.
    db.selectFrom('unit_contribution_months').where(inScope).where('period', '<', periodOf(asOf))
      .select(['unit_id', sql<[Period, number][]>`json_agg(json_build_array(period, due_fen) ORDER BY period)`.as('rows')])
      .groupBy('unit_id').execute(),
    db.selectFrom('unit_payments').where(inScope).where('paid_on', '<=', asOf)
      .select(['unit_id', sql<[Period, IsoDate, number, PaymentKind][]>`json_agg(json_build_array(period, paid_on, amount_fen, kind)
        ORDER BY period, paid_on, receipt_no)`.as('rows')])
      .groupBy('unit_id').execute(),
    db.selectFrom('unit_headcounts').where(inScope)
      .where('period', '>=', `${baseYear - 1}-12`).where('period', '<=', `${baseYear}-12`)
      .select(['unit_id', sql<[Period, number, number][]>`json_agg(json_build_array(period, insured_count, natural_attrition))`.as('rows')])
      .groupBy('unit_id').execute(),
    db.selectFrom('decision_overrides').where(inRange).select(['unit_id', 'field', 'value'])
      .where('round', '=', query.round)
      .orderBy('unit_id').orderBy('field').execute(),
  ]);
  const flagsOf = groupByUnit(flags);
  const monthsOf = new Map(months.map((m) => [m.unit_id, m.rows]));
  const paymentsOf = new Map(payments.map((p) => [p.unit_id, p.rows]));
  const headcountsOf = new Map(headcounts.map((h) => [h.unit_id, h.rows]));
  const overridesOf = groupByUnit(overrides);

  return units.map((u) => {
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
        flags: [...new Set((flagsOf.get(u.id) ?? []).map((f) => f.flag as ExclusionFlag))],
        laborDispatch: u.labor_dispatch,
        hasCorporateAccount: u.corporate_account !== null && u.corporate_account !== '',
      },
      months: (monthsOf.get(u.id) ?? []).map(([period, dueFen]) => ({ period, dueFen })),
      payments: (paymentsOf.get(u.id) ?? []).map(([period, paidOn, amountFen, kind]) => ({ period, paidOn, amountFen, kind })),
      headcount: headcountOf((headcountsOf.get(u.id) ?? []).map(([period, insured_count, natural_attrition]) => ({ period, insured_count, natural_attrition })), baseYear),
    };
    const unitOverrides = overridesOf.get(u.id);
    if (!unitOverrides) return { unitId: u.id, regionCode: u.region_code, input };
    for (const o of unitOverrides) setPath(input as unknown as Record<string, unknown>, o.field, o.value);
    return { unitId: u.id, regionCode: u.region_code, input: checkedOverride(input, u.id) };
  });
}
