// 鲁人社发〔2024〕8号 第八条（与全国社保信息比对查询系统比对，严防多发待遇）: a person drawing unemployment benefit here
// while the national comparison system reports the same person drawing it in another place for overlapping dates.
import { sql } from 'kysely';
import { inCity, type RiskRule } from '../risk-rule.ts';

export const benefitReceivedElsewhere: RiskRule = {
  code: 'benefit_received_elsewhere',
  stage: 'after_payment',
  severity: 'high',
  hold: true,
  explanation: '本地失业保险金领取期与全国社保信息比对查询系统报告的异地领取失业保险待遇期间重叠，疑似两地重复领取。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（与全国社保信息比对查询系统等进行数据比对）',
  parameters: [],
  hits: ({ cityCode, asOf }) => sql`
    SELECT 'benefit:' || b.person_id || ':' || b.from_date || ':elsewhere:' || r.from_date AS fingerprint, b.region_code,
      NULL::bigint AS unit_id, b.person_id, NULL::bigint AS payment_id, NULL::bigint AS amount_fen,
      jsonb_build_object('benefitFrom', b.from_date, 'benefitTo', b.to_date, 'elsewhereFrom', r.from_date,
        'elsewhereTo', r.to_date, 'place', r.place) AS evidence
    FROM benefit_periods b
    JOIN comparison_records r ON r.person_id = b.person_id AND r.kind = 'benefit_elsewhere'
      AND r.from_date <= b.to_date AND coalesce(r.to_date, ${asOf}::date) >= b.from_date
    WHERE ${inCity('b.region_code', cityCode)} AND b.from_date <= ${asOf}::date`,
};
