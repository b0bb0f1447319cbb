// 鲁人社发〔2024〕8号 第一条: the unemployment-insurance rate stays at 1% — unit 0.7%, individual 0.3% —
// through 2025-12-31 (the same split was in force through 2024 under the earlier national extension).
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import { firstDayOf } from './core/dates.ts';
import { applyRatioHalfUp, formatYuan } from './core/money.ts';
import { formatBpPercent } from './core/ratio.ts';
import { caseId, fen, period } from './core/input-fields.ts';
import type { RuleDefinition } from './core/rule.ts';
import { declareParameters, shapes, type ParameterStore } from './core/parameters.ts';

const RULE = 'contribution';

export const contributionParameters = declareParameters(RULE, { unitRateBp: shapes.bp, personRateBp: shapes.bp });
const ARTICLE = '鲁人社发〔2024〕8号 第一条';

export const contributionInput = z.object({ id: caseId, period, wageBaseFen: fen });
export type ContributionInput = z.infer<typeof contributionInput>;

export function evaluateContribution(input: ContributionInput, params: ParameterStore) {
  const checks = new Checklist(ARTICLE);
  const on = firstDayOf(input.period);
  const unitRate = checks.parameter(params, contributionParameters, 'unitRateBp', on);
  const personRate = checks.parameter(params, contributionParameters, 'personRateBp', on);
  if (!unitRate || !personRate) {
    return checks.decide(input.id, RULE, 0, { unitFen: 0, personFen: 0, totalFen: 0, unitRateBp: null, personRateBp: null });
  }
  const unitFen = applyRatioHalfUp(input.wageBaseFen, unitRate.value);
  const personFen = applyRatioHalfUp(input.wageBaseFen, personRate.value);
  checks.note({
    step: 'unitContribution',
    value: unitFen,
    parameter: unitRate,
    text: `单位缴费 = 缴费基数 ${formatYuan(input.wageBaseFen)} 元 × ${formatBpPercent(unitRate.value)} = ${formatYuan(unitFen)} 元`,
  });
  checks.note({
    step: 'personContribution',
    value: personFen,
    parameter: personRate,
    text: `个人缴费 = 缴费基数 ${formatYuan(input.wageBaseFen)} 元 × ${formatBpPercent(personRate.value)} = ${formatYuan(personFen)} 元`,
  });
  const totalFen = unitFen + personFen;
  return checks.decide(input.id, RULE, totalFen, {
    unitFen,
    personFen,
    totalFen,
    unitRateBp: unitRate.value,
    personRateBp: personRate.value,
  });
}

export const contributionRule: RuleDefinition<ContributionInput> = {
  name: RULE,
  title: '失业保险费（阶段性降费率）',
  article: ARTICLE,
  input: contributionInput,
  evaluate: evaluateContribution,
};
