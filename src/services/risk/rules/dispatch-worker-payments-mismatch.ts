// 鲁人社发〔2024〕8号 第八条（健全审核机制）, for 第三条's labour-dispatch refunds: the workers' contributions a dispatch
// unit declared in its application do not add up to the contributions the unit itself paid in the base year, so the
// split between dispatch and user units rests on figures that disagree. The unit's payments are held.
import { sql } from 'kysely';
import { inCity, type RiskRule } from '../risk-rule.ts';

export const dispatchWorkerPaymentsMismatch: RiskRule = {
  code: 'dispatch_worker_payments_mismatch',
  stage: 'before_payment',
  severity: 'medium',
  hold: true,
  explanation: '劳务派遣单位申请中列明的职工基准年度缴费合计，与该单位基准年度实际缴纳的失业保险费不符（超出允许差额）。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（健全审核机制）',
  parameters: ['dispatchMismatchToleranceFen'],
  hits: ({ cityCode, params }) => sql`
    WITH declared AS (
      SELECT a.id, a.round, a.unit_id, coalesce(sum((w.value ->> 'amountFen')::bigint), 0)::bigint AS declared_fen
      FROM dispatch_applications a LEFT JOIN LATERAL jsonb_array_elements(a.worker_payments) w ON true
      WHERE a.status = 'decided' GROUP BY a.id, a.round, a.unit_id
    ), own AS (
      SELECT d.id, coalesce(sum(up.amount_fen), 0)::bigint AS own_fen
      FROM declared d LEFT JOIN unit_payments up ON up.unit_id = d.unit_id AND up.kind = 'contribution'
        AND up.period BETWEEN (d.round::int - 1) || '-01' AND (d.round::int - 1) || '-12'
      GROUP BY d.id
    )
    SELECT 'dispatch:' || d.id AS fingerprint, u.region_code, d.unit_id, NULL::bigint AS person_id, NULL::bigint AS payment_id,
      abs(d.declared_fen - o.own_fen)::bigint AS amount_fen,
      jsonb_build_object('applicationId', d.id, 'declaredFen', d.declared_fen, 'ownFen', o.own_fen,
        'toleranceFen', ${params.dispatchMismatchToleranceFen}::bigint) AS evidence
    FROM declared d JOIN own o ON o.id = d.id JOIN units u ON u.id = d.unit_id
    WHERE abs(d.declared_fen - o.own_fen) > ${params.dispatchMismatchToleranceFen}::bigint AND ${inCity('u.region_code', cityCode)}`,
};
