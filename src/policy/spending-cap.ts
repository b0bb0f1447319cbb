// 鲁人社发〔2024〕8号 第六条 (with 威人社函〔2024〕41号 第一条): a city's 2024 pilot spending from the unemployment-insurance
// fund stays within 15% (inclusive) of its sealed historical balance at 2023-12-31, and only after its plan is filed.
import { z } from 'zod';
import { Checklist } from './core/decision.ts';
import { applyCapFloor, formatYuan, sumFen } from './core/money.ts';
import { formatBpPercent } from './core/ratio.ts';
import { caseId, fen, flag, isoDate } from './core/input-fields.ts';
import type { RuleDefinition } from './core/rule.ts';
import { declareParameters, shapes, type ParameterStore } from './core/parameters.ts';

const RULE = 'spending-cap';
const ARTICLE = '鲁人社发〔2024〕8号 第六条';

export const spendingCapParameters = declareParameters(RULE, { capRatioBp: shapes.bp });

export const spendingCapInput = z.object({
  id: caseId,
  /** The date of the commitment; without it the latest parameters apply. */
  asOf: isoDate.optional(),
  sealedBalanceFen: fen,
  committedFen: fen,
  requestFen: fen,
  planFiled: flag,
});
export type SpendingCapInput = z.infer<typeof spendingCapInput>;

export function evaluateSpendingCap(input: SpendingCapInput, params: ParameterStore) {
  const checks = new Checklist(ARTICLE);
  const ratio =
    input.asOf === undefined
      ? params.latest(spendingCapParameters, 'capRatioBp')
      : checks.parameter(params, spendingCapParameters, 'capRatioBp', input.asOf);

  checks.check({
    step: 'planFiled',
    value: input.planFiled,
    reason: 'PLAN_NOT_FILED',
    passed: input.planFiled,
    text: '实施方案已向省人力资源社会保障厅、省财政厅备案',
  });
  if (!ratio) return checks.decide(input.id, RULE, 0, { capFen: null, remainingFen: null });

  const capFen = applyCapFloor(input.sealedBalanceFen, ratio.value);
  checks.note({
    step: 'cap',
    value: capFen,
    parameter: ratio,
    text: `支出额度 = 封定历史结余基金 ${formatYuan(input.sealedBalanceFen)} 元 × ${formatBpPercent(ratio.value)}（向下取整到分）= ${formatYuan(capFen)} 元`,
  });
  const afterFen = sumFen([input.committedFen, input.requestFen]);
  checks.check({
    step: 'withinCap',
    value: afterFen,
    threshold: capFen,
    parameter: ratio,
    reason: 'CAP_EXCEEDED',
    passed: afterFen <= capFen,
    text: `已承诺 ${formatYuan(input.committedFen)} 元 + 本次申请 ${formatYuan(input.requestFen)} 元 = ${formatYuan(afterFen)} 元，不得超过额度 ${formatYuan(capFen)} 元`,
  });
  const allowed = checks.status() === 'eligible';
  // Headroom is never negative: a total already over the cap leaves nothing (and every request fails above).
  const remainingFen = Math.max(0, capFen - (allowed ? afterFen : input.committedFen));
  return checks.decide(input.id, RULE, input.requestFen, { capFen, remainingFen });
}

export const spendingCapRule: RuleDefinition<SpendingCapInput> = {
  name: RULE,
  title: '扩大失业保险基金支出范围试点支出额度',
  article: ARTICLE,
  input: spendingCapInput,
  evaluate: evaluateSpendingCap,
};
