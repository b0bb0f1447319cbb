// A screened decision's trace, rebuilt when someone opens it: the unit is decided again from the store with the run's
// round, date and parameters, and the input hash proves the data are those the run decided on. When the data changed
// since, or the parameters loaded are not the run's, the trace cannot be the run's: the answer says so and the stored
// figures stand alone. Decisions stored with their trace (before traces were rebuilt on demand, or a one-unit run) are read as stored.
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
}

export interface DecisionTrace {
  trace: TraceStep[] | null;
  /** Why the trace is missing, in Chinese; null when it is there. */
  traceNote: string | null;
}

const STORED_FIGURES = '以下为作出结论时保存的结论和数值。';

export const traceNotes = {
  otherParameters: (stored: string, loaded: string) =>
    `该结论按参数版本 ${stored} 作出，系统当前加载的参数版本为 ${loaded}，无法按原参数重建计算过程；${STORED_FIGURES}`,
  dataChanged: `该单位的数据自作出结论以来已有变更（输入指纹不一致），无法重建当时的计算过程；${STORED_FIGURES}如需按现有数据判定，请重新筛查。`,
  unitGone: `该单位已不在参保单位登记中，无法重建计算过程；${STORED_FIGURES}`,
  earlierFormat: `该结论由早期版本的筛查作出，其输入指纹无法与现行版本比对，不能确认数据未变，因此不重建计算过程；${STORED_FIGURES}尚在筛查阶段的案件重新筛查后即可查看计算过程。`,
} as const;

export async function decisionTrace(
  db: Kysely<Database>,
  params: ParameterStore,
  ref: StoredDecisionRef,
): Promise<DecisionTrace> {
  if (ref.trace) return { trace: ref.trace, traceNote: null };
  if (ref.policyVersion !== params.version)
    return { trace: null, traceNote: traceNotes.otherParameters(ref.policyVersion, params.version) };
  if (!comparableFiguresHash(ref.inputHash)) return { trace: null, traceNote: traceNotes.earlierFormat };
  try {
    const again = await decideUnit(db, { round: ref.round, asOf: ref.asOf, unitId: ref.unitId, params });
    if (again.inputHash !== ref.inputHash) return { trace: null, traceNote: traceNotes.dataChanged };
    return { trace: again.decision.trace, traceNote: null };
  } catch (error) {
    if (error instanceof UnitNotFoundError) return { trace: null, traceNote: traceNotes.unitGone };
    throw error;
  }
}
