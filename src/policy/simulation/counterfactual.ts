// 鲁人社发〔2024〕8号 第二条 read backwards: for a refund decision that is not "eligible", the smallest change of the
// unit's own figures that would make it so, condition by condition, and the decision the changed figures get — so
// "what would make us eligible?" is answered by the rule itself, never by a second copy of it.
import type { Status } from '../core/decision.ts';
import { formatYuan, type Fen } from '../core/money.ts';
import type { ParameterStore } from '../core/parameters.ts';
import { formatPercent } from '../core/ratio.ts';
import { decideJobRetentionRefund, type RefundOutcome } from '../job-retention-refund.ts';
import type { RefundInput } from '../refund/refund-input.ts';
import { fewerLayoffs, moreFullMonths } from './counterfactual-changes.ts';
import { dataRemedyTexts as DATA, fixedReasonTexts as FIXED, type RemedyKind } from '../../domain/vocabulary/simulation.ts';

/** `change`: the unit's figures can change; `data`: a person must supply or correct data; `fixed`: nothing the unit can change. */
export type { RemedyKind };

export interface Remedy {
  reason: string;
  kind: RemedyKind;
  /** In Chinese, e.g. 裁员率 6.1% — 少裁减 2 人即符合条件. */
  text: string;
}

export interface Counterfactual {
  status: Status;
  remedies: Remedy[];
  /** The decision of the input with every `change` remedy applied; absent when no remedy changes the figures. */
  flipped?: { status: Status; amountFen: Fen; input: RefundInput };
}

function layoffRemedy(
  input: RefundInput,
  decision: RefundOutcome,
  params: ParameterStore,
): { remedy: Remedy; input?: RefundInput } {
  const found = fewerLayoffs(input, params);
  const { layoffs } = decision;
  const basis = input.headcount.start > 0 ? input.headcount.start : input.headcount.firstInsuredMonth;
  const rate = layoffs !== null && basis ? `裁员率 ${formatPercent(layoffs, basis)}` : '裁员率超过上限';
  if (!found) return { remedy: { reason: 'LAYOFF_RATE_EXCEEDED', kind: 'fixed', text: `${rate}：上年度已结束，无法调整` } };
  return {
    remedy: { reason: 'LAYOFF_RATE_EXCEEDED', kind: 'change', text: `${rate} — 少裁减 ${found.fewerLayoffs} 人即符合条件` },
    input: found.input,
  };
}

function monthsRemedy(
  input: RefundInput,
  decision: RefundOutcome,
  params: ParameterStore,
): { remedy: Remedy; input?: RefundInput } {
  const found = moreFullMonths(input, params);
  const now = decision.fullMonths === null ? '足额缴费月数不足' : `目前足额缴费 ${decision.fullMonths} 个月`;
  if (!found)
    return { remedy: { reason: 'CONTRIBUTION_MONTHS_INSUFFICIENT', kind: 'fixed', text: `${now}，无法通过补缴达到要求` } };
  const [first, last] = [found.periods[0]!, found.periods.at(-1)!];
  const span = first === last ? first : `${first} 至 ${last} 间`;
  return {
    remedy: {
      reason: 'CONTRIBUTION_MONTHS_INSUFFICIENT',
      kind: 'change',
      text: `${now} — 还需足额缴费 ${found.periods.length} 个月（${span}）即符合条件`,
    },
    input: found.input,
  };
}

/**
 * The remedies of a decision that is not eligible, each the least change of its condition; changes apply one after the
 * other to the input (each search starts from the figures the previous one left), and the result is evaluated again.
 */
export function refundCounterfactual(input: RefundInput, params: ParameterStore): Counterfactual | null {
  const decision = decideJobRetentionRefund(input, params);
  if (decision.status === 'eligible') return null;
  let changed = input;
  const remedies = decision.reasons.map((reason): Remedy => {
    if (reason === 'LAYOFF_RATE_EXCEEDED' || reason === 'CONTRIBUTION_MONTHS_INSUFFICIENT') {
      const found = (reason === 'LAYOFF_RATE_EXCEEDED' ? layoffRemedy : monthsRemedy)(changed, decision, params);
      if (found.input) changed = found.input;
      return found.remedy;
    }
    if (DATA[reason]) return { reason, kind: 'data', text: DATA[reason] };
    return { reason, kind: 'fixed', text: FIXED[reason] ?? '该条件无法通过单位自身调整而符合' };
  });
  if (changed === input) return { status: decision.status, remedies };
  const after = decideJobRetentionRefund(changed, params);
  return { status: decision.status, remedies, flipped: { status: after.status, amountFen: after.amountFen, input: changed } };
}

/** One line for people: what the flipped figures would get. */
export function flippedText(flipped: NonNullable<Counterfactual['flipped']>): string {
  if (flipped.status === 'eligible') return `按上述调整后重新判定：符合条件，返还 ${formatYuan(flipped.amountFen)} 元`;
  return flipped.status === 'needs_review'
    ? '按上述调整后重新判定：仍需人工复核'
    : '按上述调整后重新判定：仍不符合条件（另有无法调整的条件）';
}
