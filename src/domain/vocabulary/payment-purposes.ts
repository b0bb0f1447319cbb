// Chinese labels of payment purposes and of the expense accounts their commitments debit.
import type { ExpenseAccount, PaymentPurpose } from '../payment-purposes.ts';

export const paymentPurposeLabels: Readonly<Record<PaymentPurpose, string>> = {
  job_retention_refund: '失业保险稳岗返还',
  skill_subsidy: '技能提升补贴',
  unemployment_benefit: '失业保险金',
  medical_insurance_on_behalf: '代缴基本医疗保险费',
  price_subsidy: '价格临时补贴',
};

export const expenseAccountLabels: Readonly<Record<ExpenseAccount, string>> = {
  fund: '稳岗返还基金',
  skill_subsidy_expense: '技能提升补贴支出',
  unemployment_benefit_expense: '失业保险金支出',
  medical_insurance_expense: '代缴基本医疗保险费支出',
  price_subsidy_expense: '价格临时补贴支出',
};
