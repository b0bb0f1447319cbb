// 鲁人社发〔2024〕8号 第二条: an insured unit that paid in full for 12 months or more and did not lay off more than
// 5.5% of its staff (20% for 30 staff or fewer) in the previous year gets back 30% (large enterprises) or 60% (SMEs
// and the unit types treated as SMEs) of what it and its staff actually paid that year; 第三条 sends labour-dispatch
// units to apply instead; 第七条 pays units without a corporate account into their contribution account.
import { Checklist, type Outcome } from './core/decision.ts';
import { formatYuan } from './core/money.ts';
import { formatBpPercent } from './core/ratio.ts';
import type { ParameterStore } from './core/parameters.ts';
import type { RuleDefinition } from './core/rule.ts';
import { refundInput, type RefundInput } from './refund/refund-input.ts';
import {
  assessRefundUnit,
  noRefundText,
  REFUND_ARTICLE,
  REFUND_RULE,
  refundShare,
  type RefundFields,
} from './refund/unit-eligibility.ts';

const DISPATCH_ARTICLE = '鲁人社发〔2024〕8号 第三条';

export const jobRetentionRefundInput = refundInput;
export type JobRetentionRefundInput = RefundInput;

/** The whole checklist on `checks`; the trace's sentences are written only when the checklist is traced. */
function judgeRefund(input: JobRetentionRefundInput, params: ParameterStore, checks: Checklist) {
  const { ratio, fields } = assessRefundUnit(input, params, checks);
  if (input.unit.laborDispatch) {
    checks.review({
      step: 'laborDispatch',
      value: true,
      reason: 'DISPATCH_MUST_APPLY',
      legalBasis: DISPATCH_ARTICLE,
      text: '劳务派遣单位不适用免申即享，须主动申请稳岗返还并按规定向用工单位分配资金',
    });
  } else {
    checks.check({
      step: 'laborDispatch',
      value: false,
      passed: true,
      reason: 'DISPATCH_MUST_APPLY',
      legalBasis: DISPATCH_ARTICLE,
      text: '非劳务派遣单位，适用免申即享',
    });
  }
  const amountFen = refundShare(checks, fields.baseFen, ratio);
  checks.note({
    step: 'amount',
    value: amountFen,
    ...(ratio ? { parameter: ratio } : { legalBasis: REFUND_ARTICLE }),
    text: () =>
      checks.status() === 'eligible' && ratio
        ? `返还金额 = ${formatYuan(fields.baseFen)} 元 × ${formatBpPercent(ratio.value)} = ${formatYuan(amountFen)} 元`
        : `返还金额 0 元：${noRefundText(checks)}`,
  });
  return { amountFen, fields };
}

/** The decision with its trace: for one unit opened or evaluated, where a person reads why. */
export function evaluateJobRetentionRefund(input: JobRetentionRefundInput, params: ParameterStore) {
  const checks = new Checklist(REFUND_ARTICLE);
  const { amountFen, fields } = judgeRefund(input, params, checks);
  return checks.decide(input.id, REFUND_RULE, amountFen, { ...fields });
}

export type RefundOutcome = Outcome & RefundFields;

/**
 * The same decision without its trace (status, amount, reasons and the figures, equal to evaluateJobRetentionRefund's):
 * for bulk runs, which store the figures and rebuild the trace only when a decision is opened.
 */
export function decideJobRetentionRefund(input: JobRetentionRefundInput, params: ParameterStore): RefundOutcome {
  const checks = new Checklist(REFUND_ARTICLE, false);
  const { amountFen, fields } = judgeRefund(input, params, checks);
  return checks.outcome(input.id, REFUND_RULE, amountFen, { ...fields }) as RefundOutcome;
}

export const jobRetentionRefundRule: RuleDefinition<JobRetentionRefundInput> = {
  name: REFUND_RULE,
  title: '失业保险稳岗返还',
  article: REFUND_ARTICLE,
  input: jobRetentionRefundInput,
  evaluate: evaluateJobRetentionRefund,
};
