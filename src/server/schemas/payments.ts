// The payments API (鲁人社发〔2024〕8号 第七条、第八条) as zod: payments created for confirmed refunds, the list with
// masked accounts, payment batches proposed, authorised or rejected by a second finance officer, run and followed.
// The routes validate and serialise with these; the console takes its types from them (z.input).
import { z } from 'zod';
import { PAYMENT_PURPOSES, type PaymentPurpose } from '../../domain/payment-purposes.ts';
import { accountKindLabels } from '../../domain/vocabulary/pay-to.ts';
import { paymentBatchStatusLabels, paymentRoleLabels, paymentStatuses } from '../../domain/vocabulary/payments.ts';
import { codesOf, fen, idText, instant, roundText } from './common.ts';

export const paymentStatus = z.enum(paymentStatuses);
export const paymentBatchStatus = codesOf(paymentBatchStatusLabels);
export const accountKind = codesOf(accountKindLabels);
const paymentPurpose = z.enum(PAYMENT_PURPOSES as [PaymentPurpose, ...PaymentPurpose[]]);

// Requests.
export const batchParams = z.object({ id: idText });
export const createBody = z.strictObject({ round: roundText });
export const paymentListQuery = z.strictObject({
  round: roundText.optional(),
  status: paymentStatus.optional(),
  batchId: idText.optional(),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/, { message: '须为 1 至 9999 的整数' })
    .optional(),
  offset: z
    .string()
    .regex(/^[0-9]{1,9}$/, { message: '须为非负整数' })
    .optional(),
});
export const batchListQuery = z.strictObject({ round: roundText.optional(), status: paymentBatchStatus.optional() });
export const proposeBody = z.strictObject({
  round: roundText,
  paymentIds: z.array(z.number().int().min(1)).min(1).optional(),
  note: z.string().optional(),
});
export const authoriseBody = z.strictObject({ note: z.string().optional() }).optional();
export const rejectBody = z.strictObject({ note: z.string() });

// Answers.
export const manualPayment = z.object({
  unitId: z.number(),
  unitName: z.string(),
  recipientCreditCode: z.string(),
  recipientName: z.string(),
  amountFen: fen,
  reason: z.string(),
});
export const createdPayments = z.object({
  caseCount: z.number(),
  paymentCount: z.number(),
  totalFen: fen,
  manual: z.array(manualPayment),
});

/** A payment as the list shows it: the account only by its last four digits. */
export const paymentItem = z.object({
  id: z.number(),
  idempotencyKey: z.string(),
  unitId: z.number().nullable(),
  personId: z.number().nullable(),
  purpose: paymentPurpose,
  recipientCreditCode: z.string(),
  recipientName: z.string(),
  role: codesOf(paymentRoleLabels),
  amountFen: fen,
  accountKind,
  bankName: z.string().nullable(),
  accountMasked: z.string(),
  status: paymentStatus,
  attempt: z.number(),
  batchId: z.number().nullable(),
});

export const paymentBatchSummary = z.object({
  batchId: z.number(),
  status: paymentBatchStatus,
  paymentCount: z.number(),
  totalFen: fen,
});
export const paymentBatch = paymentBatchSummary.extend({
  round: z.string(),
  purpose: paymentPurpose,
  note: z.string().nullable(),
  proposedBy: z.string(),
  proposedAt: instant,
  authorisedBy: z.string().nullable(),
  authorisedAt: instant.nullable(),
});

export const paymentProgress = paymentBatchSummary.extend({
  byStatus: z.record(paymentStatus, z.number()),
  sentFen: fen,
  /** Payments of the batch still to be sent. */
  remaining: z.number(),
  readyToExport: z.boolean(),
  /** Whether this server is paying the batch now. */
  running: z.boolean(),
});
