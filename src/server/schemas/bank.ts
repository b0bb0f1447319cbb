// The bank-file, reconciliation, account-correction and fund-ledger API (鲁人社发〔2024〕8号 第七条、第八条) as zod.
// The instruction file and the XLSX reconciliation report are downloads (sent as they are, not serialised); the rest
// validates and serialises with these, and the console takes its types from them (z.input).
import { z } from 'zod';
import { accountCorrectionStatusLabels, bankFileFormatLabels, bankOutcomeLabels } from '../../domain/vocabulary/payments.ts';
import { differenceLabels } from '../../domain/vocabulary/reconciliation.ts';
import { codesOf, fen, instant } from './common.ts';
import { accountKind, paymentBatchStatus, paymentStatus } from './payments.ts';

const correctionStatus = codesOf(accountCorrectionStatusLabels);

// Requests.
export const exportBody = z.strictObject({ format: codesOf(bankFileFormatLabels).optional() }).optional();
export const reconciliationQuery = z.strictObject({ format: z.enum(['json', 'xlsx']).optional() });
export const correctionBody = z.strictObject({
  paymentId: z.number().int().min(1),
  accountKind,
  bankName: z.string().optional(),
  accountNo: z.string().min(1),
  reason: z.string().min(1),
});
export const correctionListQuery = z.strictObject({ status: correctionStatus.optional() });

// Answers.
/** One problem of a refused return file, as the user finds it in Excel (row, column, value). */
export const bankRowError = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });
export const acceptedReturn = z.object({
  status: z.literal('accepted'),
  fileId: z.number(),
  batchId: z.number(),
  lineCount: z.number(),
  totalFen: fen,
  paid: z.number(),
  failed: z.number(),
  returned: z.number(),
  casesPaid: z.number(),
});
export const duplicateReturn = z.object({
  status: z.literal('duplicate'),
  fileId: z.number(),
  batchId: z.number(),
  message: z.string(),
});
/** A refused return file (422): nothing was imported. */
export const rejectedReturn = z.object({
  status: z.literal('rejected'),
  message: z.string(),
  errorCount: z.number(),
  errors: z.array(bankRowError),
});

const tally = z.object({ count: z.number(), totalFen: fen });
export const reconciliation = z.object({
  batchId: z.number(),
  batchStatus: paymentBatchStatus,
  source: z.enum(['imported', 'file']),
  instructed: tally,
  answered: z.record(codesOf(bankOutcomeLabels), tally),
  unanswered: tally,
  differences: z.array(
    z.object({
      kind: codesOf(differenceLabels),
      reference: z.string().nullable(),
      recipientName: z.string().nullable(),
      instructedFen: fen.nullable(),
      answeredFen: fen.nullable(),
      message: z.string(),
    }),
  ),
  balanced: z.boolean(),
});

export const proposedCorrection = z.object({ correctionId: z.number(), paymentId: z.number() });
export const approvedCorrection = z.object({
  correctionId: z.number(),
  paymentId: z.number(),
  attempt: z.number(),
  status: z.literal('pending'),
});
/** A correction as the list shows it: the new account only by its last four digits. */
export const accountCorrection = z.object({
  correctionId: z.number(),
  paymentId: z.number(),
  recipientName: z.string(),
  amountFen: fen,
  paymentStatus,
  accountKind,
  bankName: z.string().nullable(),
  accountMasked: z.string(),
  reason: z.string(),
  status: correctionStatus,
  proposedBy: z.string(),
  proposedAt: instant,
  approvedBy: z.string().nullable(),
  approvedAt: instant.nullable(),
});

export const ledgerBalance = z.object({
  account: z.string(),
  label: z.string(),
  debitFen: fen,
  creditFen: fen,
  balanceFen: fen,
});
export const ledgerCheck = z.object({
  ok: z.boolean(),
  violations: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      paymentId: z.number().optional(),
      transactionKey: z.string().optional(),
    }),
  ),
  balances: z.array(ledgerBalance),
  paymentCount: z.number(),
  transactionCount: z.number(),
});
