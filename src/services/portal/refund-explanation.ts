// A refund decision told to the unit it concerns, in plain Chinese: one sentence for the outcome, one for what happens
// next in the case's workflow, and the checklist of conditions as the decision's trace wrote them (each sentence with
// its legal basis) — the same trace staff see, without the codes and raw values. When the trace cannot be rebuilt (the
// unit's data changed since the decision), the checklist is empty and `traceNote` says why.
import type { Status, TraceStep } from '../../policy/core/decision.ts';
import { formatYuan, type Fen } from '../../policy/core/money.ts';
import type { RefundCaseState } from '../../domain/refund-case.ts';

export type ChecklistResult = 'met' | 'not_met' | 'missing' | 'info';

export interface ChecklistLine {
  text: string;
  result: ChecklistResult;
  legalBasis: string;
}

export interface RefundExplanation {
  summary: string;
  nextStep: string;
  checklist: ChecklistLine[];
  /** Why there is no checklist, in Chinese; null when there is one. */
  traceNote: string | null;
}

export interface ExplainedDecision {
  round: string;
  state: RefundCaseState;
  status: Status;
  amountFen: Fen;
  reasons: readonly string[];
  trace: readonly TraceStep[] | null;
  traceNote?: string | null;
}

const DISPATCH_MUST_APPLY = 'DISPATCH_MUST_APPLY';

function summaryOf(d: ExplainedDecision): string {
  const year = `${d.round}年度失业保险稳岗返还`;
  switch (d.status) {
    case 'eligible':
      return `经大数据比对，您单位符合${year}条件，返还金额为 ${formatYuan(d.amountFen)} 元。`;
    case 'ineligible':
      return `经大数据比对，您单位不符合${year}条件，原因见下方逐项核对结果中标为“不符合”的条件。`;
    case 'needs_review':
      return d.reasons.includes(DISPATCH_MUST_APPLY)
        ? `劳务派遣单位不适用“免申即享”，须主动申请${year}，并按规定将派遣人员对应的返还资金分配给用工单位。`
        : `您单位的${year}暂不能自动判定，需经办机构人工核实下方标为“数据缺失”的事项。`;
  }
}

const nextSteps: Record<RefundCaseState, string> = {
  eligible: '经办机构正在审核，审核通过后将在网上公示。',
  needs_review: '经办机构正在核实，核实后将重新判定并告知您单位。',
  ineligible: '如对结果有疑问，请致电12333或到所在地社会保险经办机构咨询。',
  proposed: '经办机构正在复核，复核通过后将在网上公示。',
  approved: '已复核通过，即将在网上公示。',
  in_notice: '正在公示，公示期满无异议后将以短信告知您单位确认。',
  notice_passed: '公示期满无异议，经办机构将以短信告知您单位确认。',
  notified: '请核对返还金额和账户后点击“确认返还”，确认后经办机构将拨付资金。',
  confirmed: '您单位已确认，经办机构将尽快拨付资金。',
  paid: '返还资金已拨付，请留意账户到账情况。',
};

function resultOf(passed: TraceStep['passed']): ChecklistResult {
  if (passed === true) return 'met';
  if (passed === false) return 'not_met';
  if (passed === null) return 'missing';
  return 'info';
}

export function explainRefund(d: ExplainedDecision): RefundExplanation {
  const nextStep =
    d.state === 'needs_review' && d.reasons.includes(DISPATCH_MUST_APPLY)
      ? '请在本页“劳务派遣申请”中下载模板、上传派遣人员表，试算无误后提交申请。'
      : nextSteps[d.state];
  return {
    summary: summaryOf(d),
    nextStep,
    checklist: (d.trace ?? []).map((step) => ({ text: step.text, result: resultOf(step.passed), legalBasis: step.legalBasis })),
    traceNote: d.trace ? null : (d.traceNote ?? null),
  };
}
