// One unit's refund decision (鲁人社发〔2024〕8号 第二条) from its input, with the input's hash; and the same for a unit
// read from the store, as a case worker needs after entering an override or someone opens a screened decision.
import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { IsoDate } from '../../policy/core/dates.ts';
import type { Decision } from '../../policy/core/decision.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import {
  decideJobRetentionRefund,
  evaluateJobRetentionRefund,
  type JobRetentionRefundInput,
  type RefundOutcome,
} from '../../policy/job-retention-refund.ts';
import { projectParameters } from '../../adapters/parameters/load-parameters.ts';
import { refundRound } from '../rounds.ts';
import { loadUnitInput } from './one-unit-input.ts';
import type { UnitInput } from './refund-inputs.ts';
import { Refusal } from '../../domain/refusal.ts';

export interface UnitDecision {
  input: JobRetentionRefundInput;
  decision: Decision;
  inputHash: string;
}

/**
 * The layout of the figures a screening hashes, written in front of every figures hash. `f2`: the date, the unit's
 * record, the dues and the receipts as plain text, the headcount figures and the overrides, one per line. Hashes
 * without a prefix (`f1`, before 2026-12-06) covered payments summed as JSON: they cannot show the data unchanged, so
 * such a decision is opened without a rebuilt trace, and the next run moves a screening-stage case onto its decision.
 */
export const FIGURES_FORMAT = 'f2';

/** Whether a stored figures hash has the layout this version computes (only then may the two be compared). */
export const comparableFiguresHash = (hash: string) => hash.startsWith(`${FIGURES_FORMAT}:`);

/** sha256 over the figures read for the unit and the parameter version: equal runs on equal data give equal hashes. */
export function figuresHash(figures: string, policyVersion: string): string {
  return `${FIGURES_FORMAT}:${hash('sha256', `${figures}\0${policyVersion}`)}`;
}

export function decideLoaded(unit: UnitInput, params: ParameterStore): UnitDecision {
  return {
    input: unit.input,
    decision: evaluateJobRetentionRefund(unit.input, params),
    inputHash: figuresHash(unit.figures, params.version),
  };
}

export interface UnitOutcome {
  outcome: RefundOutcome;
  inputHash: string;
}

/** The decision without its trace, as a bulk run stores it (the trace is rebuilt with decideUnit when it is opened). */
export function outcomeOfLoaded(unit: UnitInput, params: ParameterStore): UnitOutcome {
  return { outcome: decideJobRetentionRefund(unit.input, params), inputHash: figuresHash(unit.figures, params.version) };
}

export class UnitNotFoundError extends Refusal {
  constructor(unitId: number) {
    super('NOT_FOUND', `没有编号为 ${unitId} 的参保单位`);
  }
}

/** Decides one unit as a screening of `round` on `asOf` (the round's default date when absent) would. */
export async function decideUnit(
  db: Kysely<Database>,
  options: { round: string; asOf?: IsoDate; unitId: number; params?: ParameterStore },
): Promise<UnitDecision> {
  const round = refundRound(options.round);
  const unit = await loadUnitInput(db, {
    round: round.round,
    asOf: options.asOf ?? round.defaultAsOf,
    baseYear: round.baseYear,
    unitId: options.unitId,
  });
  if (!unit) throw new UnitNotFoundError(options.unitId);
  return decideLoaded(unit, options.params ?? projectParameters());
}
