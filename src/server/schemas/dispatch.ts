// The labour-dispatch application API (鲁人社发〔2024〕8号 第三条) as zod: the preview or submission of an uploaded
// application with its allocations, a stored application, its withdrawal, and the rejected upload's problems. The
// uploads are multipart forms and the templates downloads; the console takes its types from these (z.input).
import { z } from 'zod';
import { refundCaseStates } from '../../domain/vocabulary/cases.ts';
import { allocationRoleLabels, dispatchStatusLabels } from '../../domain/vocabulary/dispatch.ts';
import { decisionStatuses } from '../../domain/vocabulary/refund.ts';
import { codesOf, fen, idText, instant, roundText } from './common.ts';
import { traceStep } from './trace.ts';

// Requests.
export const unitRoundParams = z.object({ round: roundText, unitId: idText });
export const withdrawBody = z.strictObject({ note: z.string().min(1) });
export const templateParams = z.object({ sheet: z.enum(['workers', 'payments']) });

// Answers.
export const dispatchAllocation = z.object({
  recipient: z.string(),
  recipientName: z.string().nullable(),
  role: codesOf(allocationRoleLabels),
  baseFen: fen,
  amountFen: fen,
});

/** What the rules decide for the uploaded application (nothing saved). */
export const dispatchPreview = z.object({
  round: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.enum(decisionStatuses),
  reasons: z.array(z.string()),
  amountFen: fen,
  excludedFen: fen,
  allocations: z.array(dispatchAllocation),
  paymentsSource: z.enum(['store', 'upload']),
  workerCount: z.number(),
  paymentCount: z.number(),
  trace: z.array(traceStep),
  /** A contributions file was sent although the store holds the unit's contributions, so it was not read. */
  paymentsFileIgnored: z.boolean(),
});
export const submittedDispatch = dispatchPreview.extend({
  applicationId: z.number(),
  runId: z.number(),
  caseState: z.enum(refundCaseStates),
});

export const dispatchUploadProblem = z.object({
  file: z.string(),
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
/** A rejected upload (422): every problem of the sheets, nothing saved. */
export const dispatchRejection = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  problems: z.array(dispatchUploadProblem),
});

export const dispatchApplication = z.object({
  id: z.number(),
  round: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: codesOf(dispatchStatusLabels),
  amountFen: fen,
  excludedFen: fen,
  workerCount: z.number(),
  submittedBy: z.string(),
  submittedAt: instant,
  decidedAt: instant.nullable(),
  /** The stored decision with its trace and allocations. */
  decision: z.unknown(),
  allocations: z.array(dispatchAllocation),
});
export const withdrawnDispatch = z.object({
  applicationId: z.number(),
  runId: z.number(),
  caseState: z.enum(refundCaseStates),
  amountFen: fen,
});
