// 鲁人社发〔2024〕8号 第八条（事前风险防控）: a unit's insured headcount rising sharply in the last months of the base
// year — people enrolled to lower the layoff rate or to raise the refund (第二条). Its payments are held until checked.
import { sql } from 'kysely';
import { inCity, type RiskRule } from '../risk-rule.ts';

export const headcountSurgeBeforeBaseYearEnd: RiskRule = {
  code: 'headcount_surge_before_base_year_end',
  stage: 'before_decision',
  severity: 'medium',
  hold: true,
  explanation: '基准年度12月的参保人数比回看月份增加达到规定比例和人数，疑似年末突击参保以降低裁员率或提高返还额。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（严防欺诈、冒领、骗取基金和多发待遇）',
  parameters: ['headcountSurgeBp', 'headcountSurgeMinPersons', 'headcountLookbackMonths'],
  hits: ({ cityCode, baseYear, params }) => {
    const end = `${baseYear}-12`;
    const earlier = `${baseYear}-${String(12 - params.headcountLookbackMonths).padStart(2, '0')}`;
    return sql`
      SELECT 'unit:' || d.unit_id || ':' || ${String(baseYear)} AS fingerprint, d.region_code, d.unit_id,
        NULL::bigint AS person_id, NULL::bigint AS payment_id, NULL::bigint AS amount_fen,
        jsonb_build_object('endPeriod', d.period, 'endCount', d.insured_count, 'earlierPeriod', e.period,
          'earlierCount', e.insured_count, 'thresholdBp', ${params.headcountSurgeBp}::int) AS evidence
      FROM unit_headcounts d
      JOIN unit_headcounts e ON e.unit_id = d.unit_id AND e.period = ${earlier}
      WHERE d.period = ${end} AND ${inCity('d.region_code', cityCode)}
        AND d.insured_count - e.insured_count >= ${params.headcountSurgeMinPersons}::int
        AND (d.insured_count - e.insured_count)::bigint * 10000 >= e.insured_count::bigint * ${params.headcountSurgeBp}::int`;
  },
};
