// How a refund decision (job-retention-refund or the unit level of dispatch-allocation) is stored in refund_decisions:
// one mapping for the bulk screening, a one-unit run and a decided dispatch application.
import type { Decision } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';

/** The refund fields every decision of the refund rules carries (CONTRACT.md `job-retention-refund`). */
export type RefundDecision = Decision & {
  baseFen: Fen; ratioBp: number | null; size: string | null; fullMonths: number | null; layoffs: number | null;
  layoffRate: string | null; payTo: string | null;
};

export const DECISION_COLUMNS = [
  'run_id', 'unit_id', 'region_code', 'status', 'amount_fen', 'base_fen', 'ratio_bp', 'size', 'full_months', 'layoffs',
  'layoff_rate', 'pay_to', 'reasons', 'trace', 'input_hash', 'policy_version',
] as const;

export interface DecisionRowSource {
  runId: number;
  unitId: number;
  regionCode: string;
  decision: Decision;
  inputHash: string;
  policyVersion: string;
}

/** The row's cells in DECISION_COLUMNS order. */
export function decisionCells(source: DecisionRowSource): CellValue[] {
  const d = source.decision as RefundDecision;
  return [
    source.runId, source.unitId, source.regionCode, d.status, d.amountFen, d.baseFen, d.ratioBp, d.size, d.fullMonths,
    d.layoffs, d.layoffRate, d.payTo, JSON.stringify(d.reasons), JSON.stringify(d.trace), source.inputHash, source.policyVersion,
  ];
}

/** The row as an object for a single insert. */
export function decisionRow(source: DecisionRowSource) {
  const cells = decisionCells(source);
  return Object.fromEntries(DECISION_COLUMNS.map((column, i) => [column, cells[i]])) as {
    run_id: number; unit_id: number; region_code: string; status: Decision['status']; amount_fen: Fen; base_fen: Fen;
    ratio_bp: number | null; size: string | null; full_months: number | null; layoffs: number | null; layoff_rate: string | null;
    pay_to: string | null; reasons: string; trace: string; input_hash: string; policy_version: string;
  };
}
