// Balances of the fund ledger by account: Σ debit, Σ credit, and the balance on the account's normal side.
//   fund             debit-normal  (what the fund has committed)
//   payable          credit-normal (owed to units, not yet sent)
//   bank_in_transit  credit-normal (sent to the bank, not yet answered)
//   bank             credit-normal (paid out of the bank)
//   pilot_spending   debit-normal  (the pilot's spending, 鲁人社发〔2024〕8号 第六条)
//   pilot_bank       credit-normal (the pilot's spending paid out of the bank)
//   *_expense        debit-normal  (a person payment purpose's expense: skill subsidy, benefit, medical on behalf, price subsidy)
//   recovery_receivable debit-normal (money paid that must come back, 鲁人社发〔2024〕8号 第八条)
//   recovery_bank    debit-normal  (recovered money received into the bank)
//   living_spending  debit-normal  (living-guarantee spending posted directly, e.g. medical on behalf, 第五条)
//   living_bank      credit-normal (that spending paid out of the bank)
//   payout_funds     debit-normal  (money in the payout account not yet drawn by a payment run, 第八条)
//   payout_allocated credit-normal (money that arrived in the payout account)
//   payout_released  debit-normal  (money drawn by the batches of payment runs)
import { sql, type Kysely } from 'kysely';
import type { LedgerAccount } from '../../adapters/store/schema-payments.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { Fen } from '../../policy/core/money.ts';
import { expenseAccountLabels } from '../../domain/vocabulary/payment-purposes.ts';

export const ledgerAccounts: readonly LedgerAccount[] = [
  'fund',
  'payable',
  'bank_in_transit',
  'bank',
  'pilot_spending',
  'pilot_bank',
  'skill_subsidy_expense',
  'unemployment_benefit_expense',
  'medical_insurance_expense',
  'price_subsidy_expense',
  'recovery_receivable',
  'recovery_bank',
  'living_spending',
  'living_bank',
  'payout_funds',
  'payout_allocated',
  'payout_released',
];

export const accountLabels: Readonly<Record<LedgerAccount, string>> = {
  ...expenseAccountLabels,
  payable: '应付返还款',
  bank_in_transit: '银行在途款',
  bank: '银行存款（已拨付）',
  pilot_spending: '扩大支出范围试点支出',
  pilot_bank: '银行存款（试点已拨付）',
  recovery_receivable: '应追回款',
  recovery_bank: '银行存款（已追回）',
  living_spending: '保生活支出',
  living_bank: '银行存款（保生活已拨付）',
  payout_funds: '支出户可用资金',
  payout_allocated: '支出户到账资金',
  payout_released: '支出户已安排支付资金',
};

const debitNormal: ReadonlySet<LedgerAccount> = new Set([
  'fund',
  'pilot_spending',
  'skill_subsidy_expense',
  'unemployment_benefit_expense',
  'medical_insurance_expense',
  'price_subsidy_expense',
  'recovery_receivable',
  'recovery_bank',
  'living_spending',
  'payout_funds',
  'payout_released',
]);

export interface AccountBalance {
  account: LedgerAccount;
  label: string;
  debitFen: Fen;
  creditFen: Fen;
  /** On the account's normal side: debit − credit for fund, credit − debit for the others. */
  balanceFen: Fen;
}

export function normalBalance(account: LedgerAccount, debitFen: Fen, creditFen: Fen): Fen {
  return debitNormal.has(account) ? debitFen - creditFen : creditFen - debitFen;
}

export async function ledgerBalances(db: Kysely<Database>): Promise<AccountBalance[]> {
  const rows = await db
    .selectFrom('ledger_lines')
    .select([
      'account',
      sql<number>`coalesce(sum(debit_fen), 0)::bigint`.as('debit'),
      sql<number>`coalesce(sum(credit_fen), 0)::bigint`.as('credit'),
    ])
    .groupBy('account')
    .execute();
  const byAccount = new Map(rows.map((r) => [r.account, r]));
  return ledgerAccounts.map((account) => {
    const debitFen = byAccount.get(account)?.debit ?? 0;
    const creditFen = byAccount.get(account)?.credit ?? 0;
    return {
      account,
      label: accountLabels[account],
      debitFen,
      creditFen,
      balanceFen: normalBalance(account, debitFen, creditFen),
    };
  });
}
