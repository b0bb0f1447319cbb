// The one-line answer of a payment run under the living-guarantee order (benefit pay, fund arrival): what was
// batched, from which funds, and what still waits.
import { formatYuan } from '../policy/core/money.ts';
import type { FundsLimitedProposal } from '../services/benefit/living-guarantee-first.ts';

export function payRunText(run: FundsLimitedProposal): string {
  return (
    `可用资金 ${formatYuan(run.funds.availableFen)} 元（${run.funds.sourceLabel}）；` +
    `已提交 ${run.batches.length} 个支付批次，合计 ${formatYuan(run.proposedFen)} 元；暂缓 ${run.waiting.length} 笔`
  );
}
