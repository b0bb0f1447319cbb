// One unit decided under the baseline and under the reform, keeping only what a what-if run tallies: status, amount,
// reasons and the size the rule settled on. The rule is the screening's own (鲁人社发〔2024〕8号 第二条), decided
// without its trace as bulk runs do.
import type { Status } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { decideJobRetentionRefund, type JobRetentionRefundInput } from '../../policy/job-retention-refund.ts';

export interface ImpactSide {
  status: Status;
  amountFen: Fen;
  reasons: string[];
}

export interface ImpactOutcome {
  baseline: ImpactSide;
  reform: ImpactSide;
  /** The enterprise size the baseline decision used (recorded or derived), null when unknown. */
  size: string | null;
}

function decide(input: JobRetentionRefundInput, params: ParameterStore): ImpactSide & { size: string | null } {
  const d = decideJobRetentionRefund(input, params);
  return { status: d.status, amountFen: d.amountFen, reasons: d.reasons, size: typeof d.size === 'string' ? d.size : null };
}

export function decideForImpact(
  input: JobRetentionRefundInput,
  params: { baseline: ParameterStore; reform: ParameterStore },
): ImpactOutcome {
  const { size, ...baseline } = decide(input, params.baseline);
  const reform = decide(input, params.reform);
  return { baseline, reform: { status: reform.status, amountFen: reform.amountFen, reasons: reform.reasons }, size };
}
