// 鲁人社发〔2024〕8号 第八条（严防冒领）: one bank account receiving for several units — money of several recipients
// gathered into one hand. Every unpaid payment to such an account is held. Account numbers are kept sealed (SM4 with a
// random IV), so accounts are compared by bank and masked number: a match is a lead a case worker checks, not proof.
// Persons' payments are left out until accounts carry a blind index.
import { sql } from 'kysely';
import { inCity, UNPAID, type RiskRule } from '../risk-rule.ts';

export const sharedBankAccount: RiskRule = {
  code: 'shared_bank_account',
  stage: 'before_payment',
  severity: 'high',
  hold: true,
  explanation: '同一年度内同一开户行、账号相同（按脱敏账号比对）的账户为多个不同的单位收款，须核实账户归属。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（严防欺诈、冒领、骗取基金和多发待遇）',
  parameters: ['sharedAccountMinRecipients'],
  hits: ({ cityCode, params }) => sql`
    WITH shared AS (
      SELECT round, bank_name, account_masked, count(DISTINCT coalesce('person:' || person_id, recipient_credit_code))::int AS recipients
      FROM payments WHERE person_id IS NULL GROUP BY round, bank_name, account_masked
      HAVING count(DISTINCT coalesce('person:' || person_id, recipient_credit_code)) >= ${params.sharedAccountMinRecipients}::int
    )
    SELECT 'payment:' || p.id AS fingerprint, p.region_code, p.unit_id, p.person_id, p.id AS payment_id, p.amount_fen,
      jsonb_build_object('accountTail', right(p.account_masked, 4), 'recipients', s.recipients, 'recipientName', p.recipient_name) AS evidence
    FROM payments p JOIN shared s ON s.round = p.round AND s.account_masked = p.account_masked AND s.bank_name IS NOT DISTINCT FROM p.bank_name
    WHERE p.person_id IS NULL AND p.status IN ${UNPAID} AND ${inCity('p.region_code', cityCode)}`,
};
