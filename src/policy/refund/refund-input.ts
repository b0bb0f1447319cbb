// The job-retention refund's input (鲁人社发〔2024〕8号 第二条), shared with the dispatch allocation (第三条).
import { z } from 'zod';
import { caseId, count, fen, flag, industry, isoDate, nonNegative, orgType, period, size, text } from '../core/input-fields.ts';

/** A required object or list: says 缺少必填字段 when absent, `what` when of the wrong kind. */
export const shape = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? '缺少必填字段' : what),
});

export const exclusionFlags = ['serious_dishonesty', 'zombie', 'deregistered', 'bankruptcy'] as const;
export type ExclusionFlag = (typeof exclusionFlags)[number];

const exclusionFlag = z.enum(exclusionFlags, { message: `排除标记须为以下之一：${exclusionFlags.join('、')}` });

const unit = z.object(
  {
    creditCode: text,
    name: text.nullish(),
    orgType,
    size: size.nullish(),
    industry: industry.nullish(),
    employees: count.nullish(),
    revenueWan: nonNegative.nullish(),
    assetsWan: nonNegative.nullish(),
    flags: z.array(exclusionFlag).nullish(),
    laborDispatch: flag.nullish(),
    hasCorporateAccount: flag.nullish(),
  },
  shape('须为单位信息对象'),
);

const monthDue = z.object({ period, dueFen: fen });

const payment = z.object({
  period,
  paidOn: isoDate,
  amountFen: fen,
  kind: z.enum(['contribution', 'late_fee'], { message: '缴费类型须为 contribution（失业保险费）或 late_fee（滞纳金）' }),
});

const headcount = z.object(
  {
    start: count,
    end: count,
    retiredOrDied: count,
    firstInsuredMonth: count.nullish(),
    /** Only for the benefit_claimants layoff method. */
    benefitClaimants: count.nullish(),
    monthlyAverage: count.nullish(),
  },
  shape('须为参保人数对象'),
);

export const refundInput = z.object({
  id: caseId,
  asOf: isoDate,
  unit,
  months: z.array(monthDue, shape('须为应缴记录数组')),
  payments: z.array(payment, shape('须为缴费记录数组')),
  headcount,
});
export type RefundInput = z.infer<typeof refundInput>;
export type RefundPayment = RefundInput['payments'][number];
export type Headcount = RefundInput['headcount'];
