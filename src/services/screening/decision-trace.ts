// A screened decision's trace, rebuilt when someone opens it: the unit is decided again from the store with the run's
// round, date and parameters, and the input hash proves the data are those the run decided on. When the data changed
// since, or the parameters loaded are not the run's, the trace cannot be the run's: the answer says so and the stored
// figures stand alone. Decisions stored with their trace (before traces were rebuilt on demand, or a one-unit run) are read as stored.
// A hash of the earlier figures layout (decide.ts FIGURES_FORMAT) cannot be compared: such a decision shows the trace
// rebuilt from today's data only when that gives the very decision stored, and says so.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { TraceStep } from '../../policy/core/decision.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { comparableFiguresHash, decideUnit, UnitNotFoundError } from './decide.ts';

export interface StoredDecisionRef {
  round: string;
  asOf: string;
  unitId: number;
  trace: TraceStep[] | null;
  inputHash: string;
  policyVersion: string;
  /** The decision as stored: what a rebuilt trace must reproduce when the hash cannot be compared. */
  stored: StoredOutcome;
}

export interface StoredOutcome {
  status: string;
  amountFen: number;
  baseFen: number;
  fullMonths: number | null;
  layoffs: number | null;
  ratioBp: number | null;
  payTo: string | null;
}

export interface DecisionTrace {
  trace: TraceStep[] | null;
  /** Why the trace is missing or how it was checked, in Chinese; null when the hash proved it. */
  traceNote: string | null;
}

const STORED_FIGURES = '以下为作出结论时保存的结论和数值。';

export const traceNotes = {
  otherParameters: (stored: string, loaded: string) =>
    `该结论按参数版本 ${stored} 作出，系统当前加载的参数版本为 ${loaded}，无法按原参数重建计算过程；${STORED_FIGURES}`,
  dataChanged: `该单位的数据自作出结论以来已有变更（输入指纹不一致），无法重建当时的计算过程；${STORED_FIGURES}如需按现有数据判定，请重新筛查。`,
  unitGone: `该单位已不在参保单位登记中，无法重建计算过程；${STORED_FIGURES}`,
  earlierFormatSame:
    '该结论由早期版本的筛查作出，其输入指纹无法与现行版本比对；按现有数据重新计算，结论、金额和各项数值均与保存的一致，以下计算过程据此重建。',
  earlierFormatDiffers: `该结论由早期版本的筛查作出，其输入指纹无法与现行版本比对，且按现有数据重新计算的结果与保存的不一致，无法重建当时的计算过程；${STORED_FIGURES}如需按现有数据判定，请重新筛查。`,
} as const;

export async function decisionTrace(
  db: Kysely<Database>,
  params: ParameterStore,
  ref: StoredDecisionRef,
): Promise<DecisionTrace> {
  if (ref.trace) return { trace: ref.trace, traceNote: null };
  if (ref.policyVersion !== params.version)
    return { trace: null, traceNote: traceNotes.otherParameters(ref.policyVersion, params.version) };
  try {
    const again = await decideUnit(db, { round: ref.round, asOf: ref.asOf, unitId: ref.unitId, params });
    if (!comparableFiguresHash(ref.inputHash)) {
      return sameOutcome(again.decision, ref.stored)
        ? { trace: again.decision.trace, traceNote: traceNotes.earlierFormatSame }
        : { trace: null, traceNote: traceNotes.earlierFormatDiffers };
    }
    if (again.inputHash !== ref.inputHash) return { trace: null, traceNote: traceNotes.dataChanged };
    return { trace: again.decision.trace, traceNote: null };
  } catch (error) {
    if (error instanceof UnitNotFoundError) return { trace: null, traceNote: traceNotes.unitGone };
    throw error;
  }
}

/** Whether a decision made today is the stored one in every figure a case worker or a payment relies on. */
function sameOutcome(decision: Record<string, unknown>, stored: StoredOutcome): boolean {
  return (Object.keys(stored) as (keyof StoredOutcome)[]).every((field) => (decision[field] ?? null) === stored[field]);
}
