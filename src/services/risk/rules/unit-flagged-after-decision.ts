// 鲁人社发〔2024〕8号 第八条（事中风险防控）, with 第二条's exclusions: a unit put on the serious-dishonesty list,
// deregistered or declared bankrupt after its refund was decided and before it is paid. The payment is held.
import { sql } from 'kysely';
import { inCity, UNPAID, type RiskRule } from '../risk-rule.ts';

export const unitFlaggedAfterDecision: RiskRule = {
  code: 'unit_flagged_after_decision',
  stage: 'before_payment',
  severity: 'high',
  hold: true,
  explanation: '稳岗返还决定作出后、支付前，收款单位被列入严重失信名单、注销或破产，须重新核定是否发放。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（建立健全事前、事中、事后风险防控机制）',
  parameters: [],
  hits: ({ cityCode, asOf }) => sql`
    SELECT DISTINCT ON (p.id) 'payment:' || p.id AS fingerprint, p.region_code, u.id AS unit_id, NULL::bigint AS person_id,
      p.id AS payment_id, p.amount_fen,
      jsonb_build_object('flag', f.flag, 'flaggedOn', f.from_date, 'decidedOn', r.as_of, 'source', f.source) AS evidence
    FROM payments p
    JOIN units u ON u.credit_code = p.recipient_credit_code
    JOIN refund_cases c ON c.round = p.round AND c.unit_id = p.unit_id
    JOIN screening_runs r ON r.id = c.run_id
    JOIN unit_flags f ON f.unit_id = u.id AND f.flag IN ('serious_dishonesty', 'deregistered', 'bankruptcy')
      AND f.from_date > r.as_of AND f.from_date <= ${asOf}::date
    WHERE p.status IN ${UNPAID} AND ${inCity('p.region_code', cityCode)}
    ORDER BY p.id, f.from_date`,
};
