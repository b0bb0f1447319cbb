// A request the review or 公示 workflow refuses, with a Chinese message for the user and a code for the API
// (NOT_FOUND → 404, INVALID → 400, FORBIDDEN → 403, CONFLICT → 409); and the same view of the errors the state
// machine, the screening and the calendar raise, so the CLI and the routes report them all alike.
import { TransitionError } from '../../domain/refund-case.ts';
import { CalendarYearNotCoveredError } from '../../domain/ports/working-day-calendar.ts';
import { CaseNotFoundError } from '../round/case-transitions.ts';
import { UnknownRoundError } from '../rounds.ts';
import { UnitNotFoundError } from '../screening/decide.ts';
import { InvalidOverrideError } from '../screening/refund-inputs.ts';
import { UnknownRegionError } from '../screening/region-scope.ts';

export type WorkflowErrorCode = 'NOT_FOUND' | 'INVALID' | 'FORBIDDEN' | 'CONFLICT';

export class WorkflowError extends Error {
  constructor(readonly code: WorkflowErrorCode, message: string) {
    super(message);
  }
}

/** The error as a WorkflowError when it is a refusal the user should see; undefined for anything unexpected. */
export function asWorkflowError(error: unknown): WorkflowError | undefined {
  if (error instanceof WorkflowError) return error;
  if (error instanceof TransitionError) return new WorkflowError(error.code === 'ILLEGAL_TRANSITION' ? 'CONFLICT' : 'FORBIDDEN', error.message);
  if (error instanceof CaseNotFoundError || error instanceof UnitNotFoundError) return new WorkflowError('NOT_FOUND', error.message);
  if (error instanceof UnknownRoundError || error instanceof UnknownRegionError || error instanceof InvalidOverrideError
    || error instanceof CalendarYearNotCoveredError) {
    return new WorkflowError('INVALID', error.message);
  }
  return undefined;
}
