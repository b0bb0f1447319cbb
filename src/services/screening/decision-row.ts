// How a refund decision (job-retention-refund or the unit level of dispatch-allocation) is stored in refund_decisions:
// one mapping for the bulk screening (without the trace, rebuilt when the decision is opened: decision-trace.ts), a
// one-unit run and a decided dispatch application (with it).
import type { Decision, Outcome, TraceStep } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';

/** The refund fields every decision of the refund rules carries (CONTRACT.md `job-retention-refund`). */
export type RefundDecision = Decision & {
  baseFen: Fen;
  ratioBp: number | null;
  size: string | null;
  fullMonths: number | null;
  layoffs: number | null;
  layoffRate: string | null;
  payTo: string | null;
  /** Contract v2: the size class the ratio follows; absent from a decision of contract v1. */
  sizeClass?: string | null;
};

export const DECISION_COLUMNS = [
  'run_id',
  'unit_id',
  'region_code',
  'status',
  'amount_fen',
  'base_fen',
  'ratio_bp',
  'size',
  'size_class',
  'full_months',
  'layoffs',
  'layoff_rate',
  'pay_to',
  'reasons',
  'trace',
  'input_hash',
  'policy_version',
] as const;

export interface DecisionRowSource {
  runId: number;
  unitId: number;
  regionCode: string;
  /** A decision without its trace (a bulk run) stores none. */
  decision: Outcome & { trace?: TraceStep[] };
  inputHash: string;
  policyVersion: string;
}

/** The row's cells in DECISION_COLUMNS order; the trace is kept only when asked for. */
export function decisionCells(source: DecisionRowSource, keepTrace = false): CellValue[] {
  const d = source.decision as RefundDecision;
  return [
    source.runId,
    source.unitId,
    source.regionCode,
    d.status,
    d.amountFen,
    d.baseFen,
    d.ratioBp,
    d.size,
    d.sizeClass ?? null,
    d.fullMonths,
    d.layoffs,
    d.layoffRate,
    d.payTo ?? null,
    JSON.stringify(d.reasons),
    keepTrace && d.trace ? JSON.stringify(d.trace) : null,
    source.inputHash,
    source.policyVersion,
  ];
}

/** The row, with its trace, as an object for a single insert. */
export function decisionRow(source: DecisionRowSource) {
  const cells = decisionCells(source, true);
  return Object.fromEntries(DECISION_COLUMNS.map((column, i) => [column, cells[i]])) as {
    run_id: number;
    unit_id: number;
    region_code: string;
    status: Decision['status'];
    amount_fen: Fen;
    base_fen: Fen;
    ratio_bp: number | null;
    size: string | null;
    size_class: string | null;
    full_months: number | null;
    layoffs: number | null;
    layoff_rate: string | null;
    pay_to: string | null;
    reasons: string;
    trace: string;
    input_hash: string;
    policy_version: string;
  };
}
