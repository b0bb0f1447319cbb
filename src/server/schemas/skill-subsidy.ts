// The skill-upgrade subsidy API (鲁人社发〔2024〕8号 第四条): applications by certificate number, the queue with filters
// (or as Excel), one application with its trace, a second person's review, and the registry look-ups.
import { z } from 'zod';
import { paymentStatuses } from '../../domain/vocabulary/payments.ts';
import { fen, idText, instant, regionCode } from './common.ts';
import { traceStep } from './trace.ts';

const certificateNumber = z.string().trim().min(1, { message: '请填写证书编号' }).max(64, { message: '证书编号最长64位' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须为 YYYY-MM-DD 格式' });
const skillState = z.enum(['submitted', 'approved', 'returned']);
const skillStatus = z.enum(['eligible', 'ineligible', 'needs_review']);

export const personApplicationBody = z.strictObject({ certificateNumber });

export const staffApplicationBody = z.strictObject({
  certificateNumber,
  /** The date a paper application was received; today when omitted. */
  applicationDate: isoDate.optional(),
  channel: z.enum(['case_worker', 'api']).optional(),
});

export const reviewBody = z.strictObject({ note: z.string().max(500).optional() }).optional();

export const queueQuery = z.strictObject({
  state: skillState.optional(),
  status: skillStatus.optional(),
  regionCode: regionCode.optional(),
  retroactive: z.enum(['true', 'false']).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});

export const applicationParams = z.object({ id: idText });

export const certificateLookupQuery = z.strictObject({ number: certificateNumber });

export const certificateHolderBody = z.strictObject({
  idNumber: z.string().regex(/^[0-9]{17}[0-9Xx]$/, { message: '公民身份号码应为18位' }),
});

export const skillApplication = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  certificateNumber: z.string(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  issuingBody: z.string().nullable(),
  level: z.number(),
  issueDate: z.string(),
  applicationDate: z.string(),
  channel: z.enum(['person_portal', 'case_worker', 'api']),
  status: skillStatus,
  state: skillState,
  amountFen: fen,
  reasons: z.array(z.string()),
  retroactive: z.boolean(),
  regionCode: z.string(),
  submittedBy: z.string(),
  submittedAt: instant,
  reviewedBy: z.string().nullable(),
  reviewedAt: instant.nullable(),
  reviewNote: z.string().nullable(),
  paymentId: z.number().nullable(),
  paymentStatus: z.enum(paymentStatuses).nullable(),
});

export const skillApplicationDetail = skillApplication.extend({ trace: z.array(traceStep) });

export const submittedApplication = z.object({
  id: z.number(),
  status: skillStatus,
  amountFen: fen,
  retroactive: z.boolean(),
  reasons: z.array(z.string()),
});

export const reviewedApplication = z.object({
  applicationId: z.number(),
  state: skillState,
  paymentId: z.number().nullable(),
  /** Why an approved grant could not be paid yet (e.g. no social security card account). */
  paymentHeld: z.string().optional(),
});

export const registryCertificate = z.object({
  number: z.string(),
  personId: z.number(),
  occupationCode: z.string(),
  occupationName: z.string().nullable(),
  level: z.number(),
  issueDate: z.string(),
  issuingBody: z.string().nullable(),
  verified: z.boolean(),
  regionCode: z.string(),
});
