// Imports: the kinds of data that can be uploaded (with their columns) and the batches uploaded so far.
import { z } from 'zod';

export const kindParams = z.object({ kind: z.string() });
export const batchParams = z.object({ id: z.string().regex(/^[0-9]{1,15}$/) });
export const batchListQuery = z.object({
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .optional(),
  kind: z.string().optional(),
});

export const importKind = z.object({
  kind: z.string(),
  title: z.string(),
  description: z.string(),
  columns: z.array(z.object({ header: z.string(), required: z.boolean(), hint: z.string() })),
});
export const importBatch = z.object({
  id: z.number(),
  kind: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  rowCount: z.number(),
  status: z.enum(['accepted', 'rejected']),
  errorCount: z.number(),
  actor: z.string(),
  createdAt: z.string(),
});

/** An upload imported whole. */
export const acceptedImport = z.object({
  status: z.literal('accepted'),
  batchId: z.number(),
  kind: z.string(),
  rowCount: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
/** An upload refused whole (422): the first problems by row and where the full Excel report is. */
export const rejectedImport = z.object({
  status: z.literal('rejected'),
  batchId: z.number(),
  kind: z.string(),
  rowCount: z.number(),
  invalidRowCount: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() })),
  fileError: z.string().optional(),
  reportId: z.number(),
  reportUrl: z.string(),
});
