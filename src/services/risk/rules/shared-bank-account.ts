// 鲁人社发〔2024〕8号 第八条（严防冒领）: one bank account receiving for several units or persons in a round — money of
// several recipients gathered into one hand. Every unpaid payment to such an account is held. Accounts are compared
// by their blind index (a keyed digest of the full number, migration 018), not by the masked copy, so two accounts
// that merely share their last four digits are not taken for one.
import { sql } from 'kysely';
import { inCity, UNPAID, type RiskRule } from '../risk-rule.ts';

export const sharedBankAccount: RiskRule = {
  code: 'shared_bank_account',
  stage: 'before_payment',
  severity: 'high',
  hold: true,
  explanation: '同一年度内同一银行账户（按完整账号的检索索引比对）为多个不同的单位或个人收款，须核实账户归属。',
  legalBasis: '鲁人社发〔2024〕8号 第八条（严防欺诈、冒领、骗取基金和多发待遇）',
  parameters: ['sharedAccountMinRecipients'],
  hits: ({ cityCode, params }) => sql`
    WITH shared AS (
      SELECT round, account_index, count(DISTINCT coalesce('person:' || person_id, recipient_credit_code))::int AS recipients
      FROM payments WHERE account_index IS NOT NULL GROUP BY round, account_index
      HAVING count(DISTINCT coalesce('person:' || person_id, recipient_credit_code)) >= ${params.sharedAccountMinRecipients}::int
    )
    SELECT 'payment:' || p.id AS fingerprint, p.region_code, p.unit_id, p.person_id, p.id AS payment_id, p.amount_fen,
      jsonb_build_object('accountTail', right(p.account_masked, 4), 'recipients', s.recipients, 'recipientName', p.recipient_name) AS evidence
    FROM payments p JOIN shared s ON s.round = p.round AND s.account_index = p.account_index
    WHERE p.status IN ${UNPAID} AND ${inCity('p.region_code', cityCode)}`,
};
