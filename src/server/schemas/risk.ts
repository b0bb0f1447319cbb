// The risk-control and push-campaign API (鲁人社发〔2024〕8号 第八条、第九条) as zod schemas: one definition validates
// the request, serialises the answer, documents the route and gives the console its types (z.input).
import { z } from 'zod';
import {
  campaignAudiences,
  comparisonKinds,
  riskHitStatuses,
  riskRuleCodes,
  riskSeverities,
  riskStages,
} from '../../domain/vocabulary/risk.ts';
import { fen, instant, regionCode } from './common.ts';

const note = z.string().trim().min(1, { message: '请填写意见' }).max(500);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须为 YYYY-MM-DD 格式' });

/** A district account names its district; a city account may name the city or leave the region out. */
export const hitListQuery = z.strictObject({
  region: regionCode.optional(),
  status: z.enum(riskHitStatuses).optional(),
  rule: z.string().max(60).optional(),
});
export const regionQuery = z.strictObject({ region: regionCode.optional() });

export const proposeBody = z.strictObject({
  proposal: z.enum(['clear', 'confirm']),
  note,
  recoveryFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

export const decideBody = z.strictObject({ note: note.optional() }).optional();

export const repayBody = z.strictObject({
  amountFen: z.number().int().positive({ message: '追回金额须大于零' }).max(Number.MAX_SAFE_INTEGER),
  receivedOn: isoDate,
  reference: z.string().trim().min(1, { message: '请填写到账凭证号' }).max(100),
});

export const hitView = z.object({
  id: z.number(),
  ruleCode: z.string(),
  stage: z.enum(riskStages),
  severity: z.enum(riskSeverities),
  status: z.enum(riskHitStatuses),
  regionCode: z.string(),
  regionName: z.string(),
  subjectKind: z.enum(['unit', 'person']),
  subjectKey: z.string(),
  subjectName: z.string(),
  paymentId: z.number().nullable(),
  amountFen: fen.nullable(),
  hold: z.boolean(),
  evidence: z.record(z.string(), z.unknown()),
  proposal: z.enum(['clear', 'confirm']).nullable(),
  proposalNote: z.string().nullable(),
  proposedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  recoveryFen: fen.nullable(),
  repaidFen: fen,
  foundAt: instant,
});

export const hitDetail = hitView.extend({
  /** The rule's explanation and legal basis, so the detail says what was looked for and why. */
  ruleText: z.object({ label: z.string(), explanation: z.string(), legalBasis: z.string() }).nullable(),
  repayments: z.array(
    z.object({ seq: z.number(), amountFen: fen, receivedOn: z.string(), reference: z.string(), recordedBy: z.string() }),
  ),
});

export const repaymentResult = z.object({ repaidFen: fen, recovered: z.boolean() });

export const catalogueEntry = z.object({
  code: z.enum(riskRuleCodes),
  label: z.string(),
  stage: z.enum(riskStages),
  severity: z.enum(riskSeverities),
  hold: z.boolean(),
  explanation: z.string(),
  legalBasis: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  enabledByCity: z.record(z.string(), z.boolean()),
});

export const campaignSummary = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  audience: z.enum(campaignAudiences),
  round: z.string(),
  city_code: z.string(),
  created_by: z.string(),
  created_at: instant,
});

export const campaignReport = z.object({
  campaignId: z.number(),
  code: z.string(),
  name: z.string(),
  audience: z.enum(campaignAudiences),
  round: z.string(),
  districts: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      targets: z.number(),
      reached: z.number(),
      uptake: z.number(),
      paidFen: fen,
    }),
  ),
});

/** An accepted comparison import (全国社保信息比对查询系统 extract) with its findings and the cases opened from them. */
export const comparisonImport = z.object({
  batchId: z.number(),
  importKind: z.string(),
  fileName: z.string(),
  importedBy: z.string(),
  importedAt: instant,
  findings: z.number(),
  cases: z.number(),
});

/** One row of a comparison import: the person (masked) and what it triggered (case, hold, stopped benefit). */
export const comparisonFinding = z.object({
  personKey: z.string(),
  personName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(comparisonKinds),
  fromDate: z.string(),
  place: z.string().nullable(),
  hitId: z.number().nullable(),
  hitStatus: z.enum(riskHitStatuses).nullable(),
  held: z.boolean(),
  stopped: z.boolean(),
});
