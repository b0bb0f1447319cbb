// 鲁人社发〔2024〕8号 第八条（严防冒领）: one bank account receiving for several units — money of several recipients
// gathered into one hand. Every unpaid payment to such an account is held. A person's payment keeps only the masked
// account (the full number is encrypted), so persons' accounts cannot be compared here.
import { sql } from 'kysely';
import { inCity, UNPAID, type RiskRule } from '../risk-rule.ts';

export const sharedBankAccount: RiskRule = {
  code: 'shared_bank_account',
  stage: 'before_payment',
  severity: 'high',
  hold: true,
  explanation: '同一年度内同一银行账户为多个不同的单位收款，须核实账户归属。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（严防欺诈、冒领、骗取基金和多发待遇）',
  parameters: ['sharedAccountMinRecipients'],
  hits: ({ cityCode, params }) => sql`
    WITH shared AS (
      SELECT round, account_no, count(DISTINCT coalesce('person:' || person_id, recipient_credit_code))::int AS recipients
      FROM payments WHERE person_id IS NULL GROUP BY round, account_no
      HAVING count(DISTINCT coalesce('person:' || person_id, recipient_credit_code)) >= ${params.sharedAccountMinRecipients}::int
    )
    SELECT 'payment:' || p.id AS fingerprint, p.region_code, p.unit_id, p.person_id, p.id AS payment_id, p.amount_fen,
      jsonb_build_object('accountTail', right(p.account_no, 4), 'recipients', s.recipients, 'recipientName', p.recipient_name) AS evidence
    FROM payments p JOIN shared s ON s.round = p.round AND s.account_no = p.account_no
    WHERE p.person_id IS NULL AND p.status IN ${UNPAID} AND ${inCity('p.region_code', cityCode)}`,
};
