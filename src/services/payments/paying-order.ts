// The order money goes to the purposes when it falls short (鲁人社发〔2024〕8号 第八条：优先保障保生活支出): the
// unemployment benefit, the medical insurance paid on behalf and the price subsidy first, then refunds and subsidies;
// and the reason a payment gives while it waits for money.
import type { PaymentPurpose } from '../../domain/payment-purposes.ts';
import { benefitWaitReasons } from '../../domain/vocabulary/benefit.ts';
import type { PriorityClass } from '../../policy/benefit/living-guarantee-priority.ts';

const PAYING_ORDER: readonly PaymentPurpose[] = [
  'unemployment_benefit',
  'medical_insurance_on_behalf',
  'price_subsidy',
  'job_retention_refund',
  'skill_subsidy',
];
export const payingRank = (purpose: PaymentPurpose): number => PAYING_ORDER.indexOf(purpose);
const LIVING: ReadonlySet<PaymentPurpose> = new Set(PAYING_ORDER.slice(0, 3));

export const priorityOf = (purpose: string): PriorityClass =>
  LIVING.has(purpose as PaymentPurpose) ? 'living_guarantee' : 'other';

export const waitReasonOf = (purpose: string): string =>
  priorityOf(purpose) === 'living_guarantee' ? benefitWaitReasons.fundsShort : benefitWaitReasons.refundFundsShort;
