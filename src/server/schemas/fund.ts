// The fund area's API (鲁人社发〔2024〕8号 第六条、第八条) as zod: the pilot register (sealed balance and cap, plan filing,
// commitments), fund monitoring, the payout account (funds available and their source, money arriving, what waits),
// and incident reports. The routes validate and serialise with these; the console takes its types from them (z.input).
import { z } from 'zod';
import { fundAlertLabels, fundsSources } from '../../domain/vocabulary/fund-monitoring.ts';
import { incidentCategories, pilotItems } from '../../domain/vocabulary/fund.ts';
import { PAYMENT_PURPOSES, type PaymentPurpose } from '../../domain/payment-purposes.ts';
import { isValidDate } from '../../policy/core/dates.ts';
import { codesOf, fen, idText, instant, regionCode } from './common.ts';

const yearText = z.string().regex(/^[0-9]{4}$/, { message: '年度须为4位数字' });
const periodText = z.string().regex(/^[0-9]{4}-[0-9]{2}$/, { message: '月份须为 YYYY-MM' });
const dateText = z.string().refine(isValidDate, { message: '日期须为有效的 YYYY-MM-DD' });
const amount = (min: number) => z.number().int().min(min).max(Number.MAX_SAFE_INTEGER);
const note = z.string().max(500);
const pilotItem = z.enum(pilotItems);

// Requests.
export const yearQuery = z.strictObject({ year: yearText.optional() });
export const fundParams = z.object({ region: regionCode, year: yearText });
export const fundItemParams = fundParams.extend({ id: idText });
export const regionParams = z.object({ region: regionCode });
export const reportParams = z.object({ region: regionCode, period: periodText });
export const regionQuery = z.strictObject({ region: regionCode });
export const monitoringQuery = z.strictObject({ from: periodText, to: periodText });
export const budgetBody = z.strictObject({ regionCode, year: z.number().int().min(2000).max(2999), sealedBalanceFen: amount(0) });
export const planBody = z.strictObject({ filedOn: dateText, documentNo: z.string().min(1).max(100) });
export const approvePlanBody = z.strictObject({ note: note.optional() }).optional();
export const rejectPlanBody = z.strictObject({ note });
export const commitBody = z.strictObject({
  item: pilotItem,
  amountFen: amount(1),
  description: z.string().min(1).max(200),
  committedOn: dateText.optional(),
});
export const spendBody = z.strictObject({ spentFen: amount(1).optional(), note: note.optional() }).optional();
export const releaseBody = z.strictObject({ note });
export const incidentBody = z.strictObject({
  occurredAt: z.iso.datetime({ offset: true, message: '发生时间须为 ISO 8601 时间' }),
  regionCode,
  category: z.enum(incidentCategories),
  description: z.string().min(1).max(2000),
  followUp: z.string().max(2000).optional(),
  correctsId: z.number().int().min(1).optional(),
});
export const arrivalBody = z.strictObject({
  amountFen: amount(1),
  documentNo: z.string().trim().min(1).max(100),
  source: z.string().trim().min(1).max(100),
});
export const payRunBody = z.strictObject({ availableFen: amount(0).optional() }).optional();

// Answers.
export const pilotBudget = z.object({
  regionCode: z.string(),
  year: z.number(),
  regionName: z.string(),
  level: z.enum(['city', 'province']),
  sealedOn: z.string(),
  sealedBalanceFen: fen,
  capRatioBp: z.number().nullable(),
  capFen: fen.nullable(),
  committedFen: fen,
  spentFen: fen,
  remainingFen: fen.nullable(),
  recordedBy: z.string(),
});
export const planFiling = z.object({
  regionCode: z.string(),
  year: z.number(),
  id: z.number(),
  filedOn: z.string(),
  documentNo: z.string(),
  status: z.enum(['recorded', 'reviewed', 'rejected']),
  recordedBy: z.string(),
  recordedAt: instant,
  reviewedBy: z.string().nullable(),
  reviewedAt: instant.nullable(),
  reviewNote: z.string().nullable(),
});
export const pilotCommitment = z.object({
  regionCode: z.string(),
  year: z.number(),
  id: z.number(),
  item: pilotItem,
  amountFen: fen,
  committedOn: z.string(),
  description: z.string(),
  status: z.enum(['committed', 'spent', 'released']),
  spentFen: fen.nullable(),
  createdBy: z.string(),
  settledBy: z.string().nullable(),
  settledNote: z.string().nullable(),
});
export const commitResult = z.object({ commitment: pilotCommitment, committedFen: fen, remainingFen: fen.nullable() });
export const itemTotal = z.object({ item: pilotItem, label: z.string(), openFen: fen, spentFen: fen });
export const pilotRegister = z.object({
  budget: pilotBudget,
  plans: z.array(planFiling),
  planFiled: z.boolean(),
  commitments: z.array(pilotCommitment),
  byItem: z.array(itemTotal),
});

const monthPosition = z.object({
  period: z.string(),
  income: z.record(z.string(), fen),
  incomeFen: fen,
  spending: z.record(z.string(), fen),
  spendingFen: fen,
  balanceFen: fen.nullable(),
  monthsCovered: z.number().nullable(),
});
export const regionMonth = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  period: z.string(),
  incomeFen: fen,
  spendingFen: fen,
});
const fundAlert = z.object({
  kind: codesOf(fundAlertLabels),
  label: z.string(),
  period: z.string(),
  regionCode: z.string(),
  message: z.string(),
  legalBasis: z.string(),
});
export const fundMonitoring = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  from: z.string(),
  to: z.string(),
  sealed: z.object({ on: z.string(), balanceFen: fen }).nullable(),
  months: z.array(monthPosition),
  regions: z.array(regionMonth),
  alerts: z.array(fundAlert),
  itemLabels: z.record(z.string(), z.string()),
  unrecorded: z.array(z.string()).readonly(),
});

export const fundsAvailable = z.object({
  availableFen: fen,
  source: z.enum(fundsSources),
  sourceLabel: z.string(),
  legalBasis: z.string().nullable(),
});
const paymentPurpose = z.enum(PAYMENT_PURPOSES as [PaymentPurpose, ...PaymentPurpose[]]);
export const payoutPosition = z.object({
  funds: fundsAvailable,
  waiting: z.array(
    z.object({
      paymentId: z.number(),
      round: z.string(),
      purpose: paymentPurpose,
      amountFen: fen,
      reason: z.string(),
      since: instant,
    }),
  ),
  waitingFen: fen,
  waitingLines: z.object({ count: z.number(), amountFen: fen }),
});
export const payRun = z.object({
  funds: fundsAvailable,
  batches: z.array(
    z.object({
      batchId: z.number(),
      status: z.string(),
      paymentCount: z.number(),
      totalFen: fen,
      round: z.string(),
      purpose: paymentPurpose,
    }),
  ),
  waiting: z.array(
    z.object({ paymentId: z.number(), round: z.string(), purpose: z.string(), amountFen: fen, reason: z.string() }),
  ),
  proposedFen: fen,
});
export const arrivalResult = z.object({
  posted: z.boolean(),
  lines: z.object({ releasedCount: z.number(), releasedFen: fen, stillWaiting: z.number() }),
  run: payRun,
});

export const incident = z.object({
  id: z.number(),
  occurredAt: instant,
  regionCode: z.string(),
  regionName: z.string(),
  category: z.enum(incidentCategories),
  categoryLabel: z.string(),
  description: z.string(),
  followUp: z.string().nullable(),
  correctsId: z.number().nullable(),
  recordedBy: z.string(),
  recordedAt: instant,
});

/** The console's types: the JSON on the wire. */
export type PilotBudget = z.input<typeof pilotBudget>;
export type PlanFiling = z.input<typeof planFiling>;
export type PilotCommitment = z.input<typeof pilotCommitment>;
export type CommitResult = z.input<typeof commitResult>;
export type ItemTotal = z.input<typeof itemTotal>;
export type PilotRegister = z.input<typeof pilotRegister>;
export type FundMonitoring = z.input<typeof fundMonitoring>;
export type RegionMonth = z.input<typeof regionMonth>;
export type PayoutPosition = z.input<typeof payoutPosition>;
export type ArrivalResult = z.input<typeof arrivalResult>;
export type PayRun = z.input<typeof payRun>;
export type Incident = z.input<typeof incident>;
