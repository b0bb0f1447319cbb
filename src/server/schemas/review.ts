// The review API (maker-checker, 鲁人社发〔2024〕8号 第八条): batches proposed, approved or returned, cases resolved.
import { z } from 'zod';
import { refundCaseStates } from '../../domain/vocabulary/cases.ts';
import { fen, idText, instant, regionCode, roundText } from './common.ts';

export const reviewBatchStatus = z.enum(['proposed', 'approved', 'returned']);
export const sizeCode = z.enum(['large', 'medium', 'small', 'micro']);

export const batchListQuery = z.strictObject({ round: roundText.optional(), status: reviewBatchStatus.optional() });

export const reviewBatch = z.object({
  id: z.number(),
  round: z.string(),
  status: reviewBatchStatus,
  unitCount: z.number(),
  totalFen: fen,
  note: z.string().nullable(),
  proposedBy: z.string(),
  proposedAt: instant,
  reviewedBy: z.string().nullable(),
  reviewedAt: instant.nullable(),
  reviewNote: z.string().nullable(),
});

export const proposeBody = z.strictObject({
  round: roundText,
  unitIds: z.array(z.number().int().min(1)).min(1).optional(),
  regionCode: regionCode.optional(),
  size: sizeCode.optional(),
  maxAmountFen: z.number().int().min(0).optional(),
  note: z.string().optional(),
});
export const proposedBatch = z.object({ batchId: z.number(), unitCount: z.number(), totalFen: fen });

export const batchParams = z.object({ id: idText });
export const approveBody = z.strictObject({ note: z.string().optional() }).optional();
export const returnBody = z.strictObject({ note: z.string() });
export const reviewedBatch = z.object({ batchId: z.number(), status: z.enum(['approved', 'returned']), unitCount: z.number() });

export const caseParams = z.object({ round: roundText, unitId: idText });
export const resolveBody = z.strictObject({
  overrides: z.record(z.string(), z.unknown()).describe('按输入字段路径补录，如 {"unit.size": "small"}'),
  note: z.string().min(1),
});
export const resolvedCase = z.object({
  runId: z.number(),
  state: z.enum(refundCaseStates),
  amountFen: fen,
  reasons: z.array(z.string()),
});

export const caseEvent = z.object({
  id: z.number(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: instant,
});
