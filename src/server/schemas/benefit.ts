// The unemployment-benefit API (鲁人社发〔2024〕8号 第五条、第七条): a claim by ID number, the queue with filters (or
// as Excel), one claim with its trace and monthly schedule, review, stop and transfer out.
import { z } from 'zod';
import {
  benefitChannels,
  benefitClaimStatuses,
  benefitLinePurposes,
  benefitLineStatuses,
  benefitStopReasons,
} from '../../domain/benefit.ts';
import { fen, idText, regionCode } from './common.ts';
import { traceStep } from './trace.ts';

const period = z.string().regex(/^[0-9]{4}-[0-9]{2}$/, { message: '月份须为 YYYY-MM 格式' });
const isoDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, { message: '日期须为 YYYY-MM-DD 格式' });
const decisionStatus = z.enum(['eligible', 'ineligible', 'needs_review']);

export const claimBody = z.strictObject({
  idNumber: z.string().length(18, { message: '公民身份号码应为18位' }),
  claimDate: isoDate.optional(),
});

export const claimQueueQuery = z.strictObject({
  region: regionCode,
  status: z.enum(benefitClaimStatuses).optional(),
  decision: decisionStatus.optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});

export const claimParams = z.object({ id: idText });
export const claimReviewBody = z.strictObject({ note: z.string().max(500).optional() }).optional();
export const stopBody = z.strictObject({ from: period, note: z.string().min(1, { message: '请填写停发原因' }).max(500) });
export const transferBody = z.strictObject({
  personId: z.number().int().min(1),
  to: z.string().min(1, { message: '请填写转入地' }).max(64),
  on: isoDate,
});

export const claimRow = z.object({
  claimId: z.number(),
  personId: z.number(),
  name: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string(),
  claimDate: z.string(),
  channel: z.enum(benefitChannels),
  status: z.enum(benefitClaimStatuses),
  decisionStatus,
  reasons: z.array(z.string()),
  maxMonths: z.number(),
  monthlyFen: fen,
  firstPeriod: z.string(),
  stopReason: z.enum(benefitStopReasons).nullable(),
  stoppedFrom: z.string().nullable(),
});

export const scheduleMonth = z.object({
  period: z.string(),
  seq: z.number(),
  status: z.enum(['scheduled', 'paid', 'stopped']),
  lines: z.array(
    z.object({
      purpose: z.enum(benefitLinePurposes),
      amountFen: fen,
      status: z.enum(benefitLineStatuses),
      waitReason: z.string().nullable(),
    }),
  ),
});

export const claimDetail = claimRow.extend({
  trace: z.array(traceStep),
  submittedBy: z.string(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
  stopNote: z.string().nullable(),
  schedule: z.array(scheduleMonth),
});

/** The rule's answer as decided on submission, with its trace (and whatever figures the rule adds). */
export const submittedClaim = z.object({
  claimId: z.number(),
  decision: z.looseObject({
    id: z.unknown(),
    rule: z.string(),
    status: decisionStatus,
    amountFen: fen,
    reasons: z.array(z.string()),
    trace: z.array(traceStep),
  }),
});
export const reviewedClaim = z.object({ claimId: z.number(), status: z.enum(['approved', 'returned']), months: z.number() });
export const stoppedClaim = z.object({ stoppedMonths: z.number() });
export const transferRecord = z.object({
  transferId: z.number(),
  personId: z.number(),
  insuredMonths: z.number(),
  usedMonths: z.number(),
  remainingMonths: z.number(),
});
