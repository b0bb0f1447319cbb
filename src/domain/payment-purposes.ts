// What a payment is for, and which expense account its commitment debits in the fund ledger (Dr <expense> / Cr payable).
// A refund is paid to a unit; the skill-upgrade subsidy (鲁人社发〔2024〕8号 第四条) and the unemployment benefits
// (第五条: the benefit, basic medical insurance paid on the person's behalf, the temporary price subsidy) to a person.

export type PaymentPurpose =
  'job_retention_refund' | 'skill_subsidy' | 'unemployment_benefit' | 'medical_insurance_on_behalf' | 'price_subsidy';
export type PersonPaymentPurpose = Exclude<PaymentPurpose, 'job_retention_refund'>;

export type ExpenseAccount =
  'fund' | 'skill_subsidy_expense' | 'unemployment_benefit_expense' | 'medical_insurance_expense' | 'price_subsidy_expense';

export const PAYMENT_PURPOSES: readonly PaymentPurpose[] = [
  'job_retention_refund',
  'skill_subsidy',
  'unemployment_benefit',
  'medical_insurance_on_behalf',
  'price_subsidy',
];

export const expenseAccountOf: Readonly<Record<PaymentPurpose, ExpenseAccount>> = {
  job_retention_refund: 'fund',
  skill_subsidy: 'skill_subsidy_expense',
  unemployment_benefit: 'unemployment_benefit_expense',
  medical_insurance_on_behalf: 'medical_insurance_expense',
  price_subsidy: 'price_subsidy_expense',
};

export function isPaymentPurpose(value: string): value is PaymentPurpose {
  return (PAYMENT_PURPOSES as readonly string[]).includes(value);
}

/**
 * The exactly-once key of a person's payment: (decision, purpose, recipient). `decision` names the decision and, for
 * a monthly benefit, its month (e.g. `skill-application:12`, `benefit-claim:7:2024-09`).
 */
export function personPaymentKey(purpose: PersonPaymentPurpose, decision: string, personId: number): string {
  return `${purpose}:${decision}:person:${personId}`;
}
