// The items of the fund's monitoring (鲁人社发〔2024〕8号 第八条：收入、分项支出、结余、可支付月数), each code with its
// one Chinese label; the items the agency's data do not yet carry are named, so a report never shows them as zero.
import { pilotItemLabels, pilotItems, type PilotItem } from './fund.ts';

export type IncomeItem = 'contribution' | 'late_fee';
export const incomeItemLabels: Readonly<Record<IncomeItem, string>> = { contribution: '失业保险费收入', late_fee: '滞纳金收入' };

export type SpendingItem = 'refund' | 'skill_subsidy' | 'benefit' | 'medical_on_behalf' | 'price_subsidy' | `pilot_${PilotItem}`;
export const spendingItems: readonly SpendingItem[] = [
  'refund',
  'skill_subsidy',
  'benefit',
  'medical_on_behalf',
  'price_subsidy',
  ...pilotItems.map((item) => `pilot_${item}` as const),
];
export const spendingItemLabels: Readonly<Record<SpendingItem, string>> = {
  refund: '稳岗返还',
  skill_subsidy: '技能提升补贴',
  benefit: '失业保险金',
  medical_on_behalf: '代缴基本医疗保险费',
  price_subsidy: '价格临时补贴',
  ...(Object.fromEntries(pilotItems.map((item) => [`pilot_${item}`, `试点：${pilotItemLabels[item]}`])) as Record<
    `pilot_${PilotItem}`,
    string
  >),
};

/** Spending the store has no record of: shown as missing, never 0 (none now that benefits are paid here). */
export const unrecordedSpendingLabels: readonly string[] = [];

export type FundAlertKind = 'LOW_COVERAGE' | 'SPENDING_JUMP';
export const fundAlertLabels: Readonly<Record<FundAlertKind, string>> = {
  LOW_COVERAGE: '可支付月数偏低',
  SPENDING_JUMP: '地区支出骤增',
};

/** Where a payment run's funds available came from (鲁人社发〔2024〕8号 第八条 优先保障保生活支出). */
export type FundsSource = 'given' | 'ledger' | 'parameter';
export const fundsSources: readonly FundsSource[] = ['given', 'ledger', 'parameter'];
export const fundsSourceLabels: Readonly<Record<FundsSource, string>> = {
  given: '经办人员指定金额',
  ledger: '支出户账面余额（资金到账登记）',
  parameter: '参数默认额度（未登记资金到账）',
};
