// 鲁人社发〔2024〕8号 第八条（与全国社保信息比对查询系统比对，严防冒领）: the national comparison system reports a person
// dead, imprisoned or drawing a pension while the agency still pays them — a payment waiting, an unemployment benefit
// running past the date, or a subsidy granted after it. Everything the person is to be paid is held.
import { sql } from 'kysely';
import { inCity, UNPAID, type RiskRule } from '../risk-rule.ts';

export const personDeceasedImprisonedOrPensioned: RiskRule = {
  code: 'person_deceased_imprisoned_or_pensioned',
  stage: 'before_payment',
  severity: 'high',
  hold: true,
  explanation:
    '全国社保信息比对查询系统报告死亡、服刑或已领取基本养老金的人员，仍有待支付款项、失业保险金期限跨过该日期，或在该日期后获得补贴。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（与全国社保信息比对查询系统等进行数据比对）',
  parameters: [],
  hits: ({ cityCode, asOf }) => sql`
    SELECT 'person:' || r.person_id || ':' || r.kind || ':' || r.from_date AS fingerprint, p.region_code,
      NULL::bigint AS unit_id, r.person_id, NULL::bigint AS payment_id,
      (SELECT sum(amount_fen)::bigint FROM payments q WHERE q.person_id = r.person_id AND q.status IN ${UNPAID}) AS amount_fen,
      jsonb_build_object('kind', r.kind, 'from', r.from_date, 'place', r.place) AS evidence
    FROM comparison_records r JOIN persons p ON p.id = r.person_id
    WHERE r.kind IN ('death', 'imprisonment', 'pension') AND r.from_date <= ${asOf}::date
      AND (r.to_date IS NULL OR r.to_date >= ${asOf}::date)
      AND ${inCity('p.region_code', cityCode)}
      AND (EXISTS (SELECT 1 FROM payments q WHERE q.person_id = r.person_id AND q.status IN ${UNPAID})
        OR EXISTS (SELECT 1 FROM benefit_periods b WHERE b.person_id = r.person_id AND b.to_date >= r.from_date)
        OR EXISTS (SELECT 1 FROM subsidy_grants g WHERE g.person_id = r.person_id AND g.granted_on >= r.from_date))`,
};
