// 鲁人社发〔2024〕8号 第八条（严防重复领取）: the same unit or person paid by two districts for the same item — two
// payments of one round and purpose to one recipient from different districts, or one subsidy granted twice to a
// person by different districts. The later one is to be recovered.
import { sql } from 'kysely';
import { inCity, PAID_OUT, type RiskRule } from '../risk-rule.ts';

export const duplicatePaymentAcrossDistricts: RiskRule = {
  code: 'duplicate_payment_across_districts',
  stage: 'after_payment',
  severity: 'high',
  hold: false,
  explanation:
    '同一收款单位或个人、同一年度同一事项，已由两个区市分别支付；或同一人同一职业同一等级的补贴由两个区市分别发放。后支付的一笔应追回。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（严防欺诈、冒领、骗取基金和多发待遇）',
  parameters: [],
  hits: ({ cityCode }) => sql`
    SELECT DISTINCT ON (later.id) 'payment:' || later.id AS fingerprint, later.region_code, later.unit_id, later.person_id,
      later.id AS payment_id, later.amount_fen,
      jsonb_build_object('round', later.round, 'purpose', later.purpose, 'recipientName', later.recipient_name,
        'otherPaymentId', earlier.id, 'otherRegionCode', earlier.region_code, 'otherAmountFen', earlier.amount_fen) AS evidence
    FROM payments later
    JOIN payments earlier ON earlier.round = later.round AND earlier.purpose = later.purpose AND earlier.id < later.id
      AND earlier.region_code <> later.region_code AND earlier.status IN ${PAID_OUT}
      AND (earlier.person_id = later.person_id
        OR (earlier.person_id IS NULL AND later.person_id IS NULL AND earlier.recipient_credit_code = later.recipient_credit_code))
    WHERE later.status IN ${PAID_OUT} AND ${inCity('later.region_code', cityCode)}
    UNION ALL
    SELECT DISTINCT ON (g.person_id, g.type, g.occupation_code, g.level, g.granted_on)
      'grant:' || g.person_id || ':' || g.type || ':' || g.occupation_code || ':' || g.level || ':' || g.granted_on,
      g.region_code, NULL::bigint, g.person_id, NULL::bigint, g.amount_fen,
      jsonb_build_object('type', g.type, 'occupationCode', g.occupation_code, 'level', g.level, 'grantedOn', g.granted_on,
        'otherRegionCode', o.region_code, 'otherGrantedOn', o.granted_on)
    FROM subsidy_grants g
    JOIN subsidy_grants o ON o.person_id = g.person_id AND o.type = g.type AND o.occupation_code = g.occupation_code
      AND o.level = g.level AND o.region_code <> g.region_code AND (o.granted_on, o.region_code) < (g.granted_on, g.region_code)
    WHERE ${inCity('g.region_code', cityCode)}`,
};
