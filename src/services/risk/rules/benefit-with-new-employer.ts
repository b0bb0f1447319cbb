// 鲁人社发〔2024〕8号 第八条（严防多发待遇）: a person receiving unemployment benefit for whom a new employer pays
// contributions during the benefit period (here, or reported by the national comparison system), so the person has
// found work and the benefit should have stopped.
import { sql } from 'kysely';
import { inCity, type RiskRule } from '../risk-rule.ts';

export const benefitWithNewEmployer: RiskRule = {
  code: 'benefit_with_new_employer',
  stage: 'after_payment',
  severity: 'high',
  hold: true,
  explanation:
    '领取失业保险金期间，有此前未曾为其缴费的单位为其缴纳社会保险费（本地数据或全国比对的异地参保缴费），疑似已重新就业仍在领取。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（严防欺诈、冒领、骗取基金和多发待遇）',
  parameters: [],
  hits: ({ cityCode, asOf }) => sql`
    SELECT DISTINCT ON (b.person_id, b.from_date, c.unit_id)
      'benefit:' || b.person_id || ':' || b.from_date || ':unit:' || c.unit_id AS fingerprint, b.region_code,
      NULL::bigint AS unit_id, b.person_id, NULL::bigint AS payment_id, NULL::bigint AS amount_fen,
      jsonb_build_object('benefitFrom', b.from_date, 'benefitTo', b.to_date, 'employerId', c.unit_id, 'employerName', u.name,
        'firstPeriod', c.period) AS evidence
    FROM benefit_periods b
    JOIN person_contributions c ON c.person_id = b.person_id
      AND c.period BETWEEN to_char(b.from_date, 'YYYY-MM') AND to_char(least(b.to_date, ${asOf}::date), 'YYYY-MM')
    JOIN units u ON u.id = c.unit_id
    WHERE ${inCity('b.region_code', cityCode)} AND b.from_date <= ${asOf}::date
      AND NOT EXISTS (SELECT 1 FROM person_contributions e WHERE e.person_id = b.person_id AND e.unit_id = c.unit_id
        AND e.period < to_char(b.from_date, 'YYYY-MM'))
    UNION ALL
    SELECT DISTINCT ON (b.person_id, b.from_date, r.from_date)
      'benefit:' || b.person_id || ':' || b.from_date || ':elsewhere:' || r.from_date, b.region_code,
      NULL::bigint, b.person_id, NULL::bigint, NULL::bigint,
      jsonb_build_object('benefitFrom', b.from_date, 'benefitTo', b.to_date, 'elsewhereFrom', r.from_date, 'place', r.place)
    FROM benefit_periods b
    JOIN comparison_records r ON r.person_id = b.person_id AND r.kind = 'contribution_elsewhere'
      AND r.from_date BETWEEN b.from_date AND least(b.to_date, ${asOf}::date)
    WHERE ${inCity('b.region_code', cityCode)}`,
};
