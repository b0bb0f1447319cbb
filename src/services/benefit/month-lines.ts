// The lines one benefit month pays a person (鲁人社发〔2024〕8号 第五条): the benefit at the claim's monthly amount, the
// medical insurance paid on the person's behalf, and the temporary price subsidy when the month's trigger fires. A
// line that cannot be decided yet (the month's CPI is not published) waits with its reason.
import type { BenefitLinePurpose } from '../../domain/benefit.ts';
import { benefitWaitReasons } from '../../domain/vocabulary/benefit.ts';
import type { Period } from '../../policy/core/dates.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { medicalOnBehalf } from '../../policy/benefit/medical-on-behalf.ts';
import { priceSubsidy } from '../../policy/benefit/price-subsidy.ts';

export interface MonthLine {
  purpose: BenefitLinePurpose;
  amountFen: Fen;
  /** Set when the line cannot be paid yet. */
  waitReason?: string;
}

export function monthLines(params: ParameterStore, period: Period, monthlyBenefitFen: Fen): MonthLine[] {
  const lines: MonthLine[] = [{ purpose: 'benefit', amountFen: monthlyBenefitFen }];
  const medical = medicalOnBehalf(params, period);
  lines.push(
    'missing' in medical
      ? { purpose: 'medical_on_behalf', amountFen: 0, waitReason: `缺少在效参数：${medical.missing.join('、')}` }
      : { purpose: 'medical_on_behalf', amountFen: medical.amountFen },
  );
  const subsidy = priceSubsidy(params, period);
  if ('missing' in subsidy) lines.push({ purpose: 'price_subsidy', amountFen: 0, waitReason: benefitWaitReasons.cpiMissing });
  else if (subsidy.fired) lines.push({ purpose: 'price_subsidy', amountFen: subsidy.amountFen });
  return lines;
}
