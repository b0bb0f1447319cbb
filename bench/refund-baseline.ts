// The job-retention refund (鲁人社发〔2024〕8号 第二条) as a database administrator would write it: one INSERT … SELECT
// computing every unit's status and amount, with no trace, no overrides and no per-unit figures — the baseline the
// screening is measured against. It follows the same parameters (read here and written into the statement) and supports
// what the generated populations need: cumulative months and the net-decrease layoff method.
import { sql, type RawBuilder } from 'kysely';
import type { ParameterDeclaration, ParameterKey, ParameterShapes, ParameterStore } from '../src/policy/core/parameters.ts';
import { sizeParameters, type SizeTable } from '../src/policy/enterprise-size.ts';
import { refundParameters } from '../src/policy/refund/refund-parameters.ts';

function parameter<S extends ParameterShapes, K extends ParameterKey<S>>(
  params: ParameterStore,
  key: K,
  asOf: string,
  declaration: ParameterDeclaration<S>,
) {
  const found = params.at(declaration, key, asOf);
  if (!found) throw new Error(`no ${declaration.rule}.${key} in force on ${asOf}`);
  return found.value;
}

const refund = <K extends ParameterKey<typeof refundParameters.shapes>>(params: ParameterStore, key: K, asOf: string) =>
  parameter(params, key, asOf, refundParameters);

/** Per industry: the indicators its size row needs, and each tier's minimums (null where the row sets none). */
function sizeRows(table: SizeTable): RawBuilder<unknown> {
  const rows = Object.entries(table).map(([industry, row]) => {
    const needs = (indicator: 'employees' | 'revenueWan' | 'assetsWan') =>
      [row.large, row.medium, row.small].some((tier) => tier[indicator] !== undefined);
    const mins = (tier: 'large' | 'medium' | 'small') =>
      sql`${row[tier].employees ?? null}::numeric, ${row[tier].revenueWan ?? null}::numeric, ${row[tier].assetsWan ?? null}::numeric`;
    return sql`(${industry}::text, ${needs('employees')}::boolean, ${needs('revenueWan')}::boolean, ${needs('assetsWan')}::boolean,
      ${mins('large')}, ${mins('medium')}, ${mins('small')})`;
  });
  return sql`(VALUES ${sql.join(rows)}) AS th(industry, needs_e, needs_r, needs_a, large_e, large_r, large_a, medium_e, medium_r, medium_a, small_e, small_r, small_a)`;
}

/** Some present indicator of the unit is below the tier's minimum (one is enough to fall under the tier). */
const below = (tier: 'large' | 'medium' | 'small') =>
  sql.raw(`((th.${tier}_e IS NOT NULL AND u.employees < th.${tier}_e)
  OR (th.${tier}_r IS NOT NULL AND u.revenue_wan < th.${tier}_r) OR (th.${tier}_a IS NOT NULL AND u.assets_wan < th.${tier}_a))`);
const missingIndicator = sql.raw(
  '((th.needs_e AND u.employees IS NULL) OR (th.needs_r AND u.revenue_wan IS NULL) OR (th.needs_a AND u.assets_wan IS NULL))',
);

/** INSERT INTO `table` (unit_id, status, amount_fen) the decision of every unit on `asOf` (base year `baseYear`). */
export function baselineInsert(table: string, params: ParameterStore, asOf: string, baseYear: number): RawBuilder<unknown> {
  if (refund(params, 'policyPeriod', asOf) !== true) throw new Error(`${asOf} is outside the policy period`);
  if (refund(params, 'contributionMonthsMode', asOf) !== 'cumulative')
    throw new Error('the baseline counts cumulative months only');
  if (refund(params, 'layoffMethod', asOf) !== 'net_decrease') throw new Error('the baseline uses the net-decrease method only');
  if (refund(params, 'baseIncludesNextJanuaryPayment', asOf))
    throw new Error('the baseline counts payments within the base year only');
  const minMonths = refund(params, 'minFullMonths', asOf);
  const smallUnit = refund(params, 'smallUnitHeadcount', asOf);
  const cap = refund(params, 'layoffRateLimitBp', asOf);
  const smallCap = refund(params, 'smallUnitLayoffRateLimitBp', asOf);
  const large = refund(params, 'largeEnterpriseRatioBp', asOf);
  const sme = refund(params, 'smeRatioBp', asOf);
  const sizes = sizeRows(parameter(params, 'thresholds', asOf, sizeParameters));
  const [december, yearStart, yearEnd] = [`${baseYear - 1}-12`, `${baseYear}-01`, `${baseYear}-12`];
  const before = asOf.slice(0, 7);
  return sql`INSERT INTO ${sql.table(table)} (unit_id, status, amount_fen)
    WITH paid AS (
      SELECT unit_id, period, sum(amount_fen) AS paid FROM unit_payments
      WHERE kind = 'contribution' AND paid_on <= ${asOf} GROUP BY unit_id, period
    ), months AS (
      SELECT m.unit_id, count(*) AS full_months FROM unit_contribution_months m JOIN paid p USING (unit_id, period)
      WHERE m.period < ${before} AND m.due_fen > 0 AND p.paid >= m.due_fen GROUP BY m.unit_id
    ), base AS (
      SELECT unit_id, sum(amount_fen)::bigint AS base_fen FROM unit_payments
      WHERE kind = 'contribution' AND period BETWEEN ${yearStart} AND ${yearEnd} AND paid_on BETWEEN ${`${baseYear}-01-01`} AND ${`${baseYear}-12-31`}
      GROUP BY unit_id
    ), hc AS (
      SELECT unit_id,
        coalesce(max(insured_count) FILTER (WHERE period = ${december}), 0) AS start_count,
        coalesce(max(insured_count) FILTER (WHERE period = ${yearEnd}), 0) AS end_count,
        coalesce(sum(natural_attrition) FILTER (WHERE period >= ${yearStart}), 0) AS retired,
        (array_agg(insured_count ORDER BY period) FILTER (WHERE period >= ${yearStart}))[1] AS first_count
      FROM unit_headcounts WHERE period BETWEEN ${december} AND ${yearEnd} GROUP BY unit_id
    ), flagged AS (
      SELECT DISTINCT unit_id FROM unit_flags WHERE from_date <= ${asOf} AND (to_date IS NULL OR to_date >= ${asOf})
    ), facts AS (
      SELECT u.id,
        u.org_type IN ('government_agency', 'public_institution') AS public_sector,
        u.labor_dispatch,
        CASE
          WHEN u.org_type IN ('social_organization', 'foundation', 'social_service_agency', 'law_firm', 'accounting_firm', 'individual_business') THEN 'sme'
          WHEN u.size IS NOT NULL THEN CASE WHEN u.size = 'large' THEN 'large' ELSE 'sme' END
          WHEN th.industry IS NULL THEN NULL
          WHEN ${below('large')} THEN 'sme'
          WHEN ${missingIndicator} THEN NULL
          ELSE 'large'
        END AS size_class,
        -- 第七条: only a small or micro unit or an individual business may be paid into its contribution account.
        u.corporate_account_masked IS NOT NULL OR u.org_type = 'individual_business' OR CASE
          WHEN u.size IS NOT NULL THEN u.size IN ('small', 'micro')
          WHEN u.org_type <> 'enterprise' OR th.industry IS NULL THEN false
          WHEN ${below('small')} THEN true
          ELSE NOT ${missingIndicator} AND ${below('medium')}
        END AS has_pay_route,
        f.unit_id IS NOT NULL AS flagged,
        coalesce(mo.full_months, 0) AS full_months,
        coalesce(b.base_fen, 0) AS base_fen,
        CASE WHEN coalesce(hc.start_count, 0) > 0 THEN hc.start_count ELSE hc.first_count END AS basis,
        hc.end_count, hc.retired
      FROM units u
      LEFT JOIN ${sizes} ON th.industry = u.industry
      LEFT JOIN flagged f ON f.unit_id = u.id
      LEFT JOIN months mo ON mo.unit_id = u.id
      LEFT JOIN base b ON b.unit_id = u.id
      LEFT JOIN hc ON hc.unit_id = u.id
    ), judged AS (
      SELECT id, base_fen, size_class, has_pay_route,
        public_sector OR flagged OR full_months < ${sql.lit(minMonths)} OR base_fen = 0
          OR (basis IS NOT NULL AND greatest(0, basis - end_count - retired) > 0
              AND greatest(0, basis - end_count - retired) * 10000 > basis * CASE WHEN basis <= ${sql.lit(smallUnit)} THEN ${sql.lit(smallCap)} ELSE ${sql.lit(cap)} END) AS failed,
        labor_dispatch OR basis IS NULL OR (NOT public_sector AND size_class IS NULL) OR NOT has_pay_route AS review
      FROM facts
    )
    SELECT id,
      CASE WHEN failed THEN 'ineligible' WHEN review THEN 'needs_review' ELSE 'eligible' END,
      CASE WHEN failed OR review THEN 0
        ELSE (base_fen * CASE WHEN size_class = 'large' THEN ${sql.lit(large)} ELSE ${sql.lit(sme)} END + 5000) / 10000 END
    FROM judged`;
}
