// 鲁人社发〔2024〕8号 第五条: keep paying unemployment benefit. Under 失业保险条例 第十四条 a person insured ≥ 1 year
// who lost the job involuntarily and registered as unemployed receives it; 第十七条 and 社会保险法 第四十六条 set the
// longest period (12 / 18 / 24 months by contribution years, plus unused earlier months, at most 24 in total).
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import { formatYuan } from './core/money.ts';
import { caseId, count, flag, isoDate } from './core/input-fields.ts';
import type { RuleDefinition } from './core/rule.ts';
import { declareParameters, shapes, type ParameterStore } from './core/parameters.ts';

const RULE = 'unemployment-benefit';
const ARTICLE = '鲁人社发〔2024〕8号 第五条；失业保险条例 第十四条';

const tier = z.strictObject({ minContributionMonths: shapes.months, benefitMonths: shapes.months });
type Tier = z.output<typeof tier>;

export const benefitParameters = declareParameters(RULE, {
  minContributionMonths: shapes.months,
  benefitMonthsTiers: z.array(tier).min(1),
  maxTotalMonths: shapes.months,
  monthlyBenefitFen: shapes.fen,
});

export const unemploymentBenefitInput = z.object({
  id: caseId,
  claimDate: isoDate,
  contributionMonths: count,
  involuntary: flag,
  registeredUnemployed: flag,
  carriedOverMonths: count.optional(),
  /** Contribution months already counted for an earlier entitlement (here or in the place transferred from): they earn no new months. */
  consumedContributionMonths: count.optional(),
});
export type UnemploymentBenefitInput = z.infer<typeof unemploymentBenefitInput>;

/** Benefit months earned by contribution months: the highest tier reached, 0 below the first. */
function tierMonths(tiers: readonly Tier[], contributionMonths: number): number {
  return tiers.reduce(
    (months, t) => (contributionMonths >= t.minContributionMonths ? Math.max(months, t.benefitMonths) : months),
    0,
  );
}

export function evaluateUnemploymentBenefit(input: UnemploymentBenefitInput, params: ParameterStore) {
  const checks = new Checklist(ARTICLE);
  const on = input.claimDate;
  const minMonths = checks.parameter(params, benefitParameters, 'minContributionMonths', on);
  const tiers = checks.parameter(params, benefitParameters, 'benefitMonthsTiers', on);
  const maxTotal = checks.parameter(params, benefitParameters, 'maxTotalMonths', on);
  const monthly = checks.parameter(params, benefitParameters, 'monthlyBenefitFen', on);

  if (minMonths) {
    checks.check({
      step: 'contributionMonths',
      value: input.contributionMonths,
      threshold: minMonths.value,
      parameter: minMonths,
      reason: 'INSURED_LESS_THAN_ONE_YEAR',
      passed: input.contributionMonths >= minMonths.value,
      text: `累计缴纳失业保险费 ${input.contributionMonths} 个月，须满 ${minMonths.value} 个月`,
    });
  }
  checks.check({
    step: 'involuntary',
    value: input.involuntary,
    reason: 'VOLUNTARY_SEPARATION',
    passed: input.involuntary,
    text: '非因本人意愿中断就业',
    legalBasis: '失业保险条例 第十四条',
  });
  checks.check({
    step: 'registeredUnemployed',
    value: input.registeredUnemployed,
    reason: 'NOT_REGISTERED_UNEMPLOYED',
    passed: input.registeredUnemployed,
    text: '已办理失业登记，并有求职要求',
    legalBasis: '失业保险条例 第十四条',
  });

  let maxMonths: number | null = null;
  if (tiers && maxTotal) {
    const consumed = Math.min(input.consumedContributionMonths ?? 0, input.contributionMonths);
    const earned = tierMonths(tiers.value, input.contributionMonths - consumed);
    const carried = input.carriedOverMonths ?? 0;
    maxMonths = Math.min(earned + carried, maxTotal.value);
    checks.note({
      step: 'earnedMonths',
      value: earned,
      parameter: tiers,
      text:
        consumed > 0
          ? `累计缴费 ${input.contributionMonths} 个月，其中 ${consumed} 个月已计入前次领取期限，重新计算的 ${input.contributionMonths - consumed} 个月可领取 ${earned} 个月`
          : `累计缴费 ${input.contributionMonths} 个月，本次最长领取 ${earned} 个月`,
    });
    checks.note({
      step: 'maxMonths',
      value: maxMonths,
      parameter: maxTotal,
      text: `本次 ${earned} 个月与前次应领未领 ${carried} 个月合并计算，最长不超过 ${maxTotal.value} 个月，为 ${maxMonths} 个月`,
    });
  }
  if (monthly) {
    checks.note({
      step: 'monthlyBenefit',
      value: monthly.value,
      parameter: monthly,
      text: `失业保险金月标准 ${formatYuan(monthly.value)} 元`,
    });
  }
  return checks.decide(input.id, RULE, monthly?.value ?? 0, { maxMonths });
}

export const unemploymentBenefitRule: RuleDefinition<UnemploymentBenefitInput> = {
  name: RULE,
  title: '失业保险金',
  article: ARTICLE,
  input: unemploymentBenefitInput,
  evaluate: evaluateUnemploymentBenefit,
};
