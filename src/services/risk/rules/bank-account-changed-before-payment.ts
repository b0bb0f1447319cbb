// 鲁人社发〔2024〕8号 第八条（事中风险防控）: the account a payment goes to was changed shortly before the payment —
// a common step in diverting money. The payment is held until a case worker has checked the change.
import { sql } from 'kysely';
import { inCity, UNPAID, type RiskRule } from '../risk-rule.ts';

export const bankAccountChangedBeforePayment: RiskRule = {
  code: 'bank_account_changed_before_payment',
  stage: 'before_payment',
  severity: 'medium',
  hold: true,
  explanation: '待支付款项的收款单位或个人在支付前核查期内变更过银行账户，须核实变更是否本人（本单位）所为。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（建立健全事前、事中、事后风险防控机制）',
  parameters: ['accountChangeWindowDays'],
  hits: ({ cityCode, asOf, params }) => sql`
    SELECT DISTINCT ON (p.id) 'payment:' || p.id AS fingerprint, p.region_code, p.unit_id, p.person_id, p.id AS payment_id,
      p.amount_fen, jsonb_build_object('changedOn', to_char(c.changed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'),
        'windowDays', ${params.accountChangeWindowDays}::int, 'recipientName', p.recipient_name) AS evidence
    FROM payments p
    JOIN bank_account_changes c ON (c.unit_id = p.unit_id AND p.person_id IS NULL) OR c.person_id = p.person_id
    WHERE p.status IN ${UNPAID} AND ${inCity('p.region_code', cityCode)}
      AND (c.changed_at AT TIME ZONE 'Asia/Shanghai')::date
        BETWEEN ${asOf}::date - ${params.accountChangeWindowDays}::int AND ${asOf}::date
    ORDER BY p.id, c.changed_at DESC`,
};
