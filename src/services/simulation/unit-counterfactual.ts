// What would make a unit's refund decision eligible (policy/simulation/counterfactual.ts), for the unit's current
// decision of a round: its figures read again as of the screening date of that decision, the remedies, and the
// decision the changed figures get — re-evaluated, never assumed. Only the remedies go out, not the changed figures.
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';
import type { Status } from '../../policy/core/decision.ts';
import type { Fen } from '../../policy/core/money.ts';
import type { ParameterStore } from '../../policy/core/parameters.ts';
import { flippedText, refundCounterfactual, type Remedy } from '../../policy/simulation/counterfactual.ts';
import { decideUnit } from '../screening/decide.ts';
import { unitRoundDecision } from '../screening/round-decisions.ts';

export interface UnitCounterfactual {
  status: Status;
  remedies: Remedy[];
  /** What the changed figures get, when a remedy changes them. */
  flipped: { status: Status; amountFen: Fen; text: string } | null;
}

/** undefined when the unit has no decision in the round; null remedies when it is eligible already. */
export async function unitCounterfactual(
  db: Kysely<Database>,
  params: ParameterStore,
  round: string,
  unitId: number,
): Promise<UnitCounterfactual | null | undefined> {
  const current = await unitRoundDecision(db, params, round, unitId);
  if (!current) return undefined;
  const { input } = await decideUnit(db, { round, asOf: current.asOf, unitId, params });
  const answer = refundCounterfactual(input, params);
  if (!answer) return null;
  const { flipped } = answer;
  return {
    status: answer.status,
    remedies: answer.remedies,
    flipped: flipped ? { status: flipped.status, amountFen: flipped.amountFen, text: flippedText(flipped) } : null,
  };
}
