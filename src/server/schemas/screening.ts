// Screening runs (免申即享): starting a run, its progress and summary, two runs compared, and the round's current
// decisions (listed with masked credit codes, exported, or one unit's with its trace).
import { z } from 'zod';
import { refundCaseStates } from '../../domain/vocabulary/cases.ts';
import { decisionStatuses } from '../../domain/vocabulary/refund.ts';
import { fen, instant, regionCode, roundText } from './common.ts';
import { sizeCode } from './review.ts';
import { traceStep } from './trace.ts';

/** A record's number or a count as the path or query carries it (0 passes: the handler answers in words). */
const digits = z.string().regex(/^[0-9]{1,15}$/, { message: '须为数字' });
const decisionStatus = z.enum(decisionStatuses);
export const runStatus = z.enum(['running', 'completed', 'failed']);

export const roundParams = z.object({ round: roundText });
export const runParams = z.object({ id: digits });
export const diffParams = z.object({ a: digits, b: digits });
export const unitDecisionParams = z.object({ round: roundText, unitId: digits });

export const startRunBody = z
  .strictObject({
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须为 YYYY-MM-DD 格式' })
      .optional(),
    region: regionCode.optional(),
  })
  .optional();
export const startedRun = z.object({ runId: z.number(), status: z.literal('running'), href: z.string() });

/** The list's filters (amounts in fen). */
export const decisionFilters = z.strictObject({
  status: decisionStatus.optional(),
  region: regionCode.optional(),
  reason: z
    .string()
    .regex(/^[A-Z_]{1,64}$/, { message: '原因代码格式不正确' })
    .optional(),
  size: sizeCode.optional(),
  minAmountFen: digits.optional(),
  maxAmountFen: digits.optional(),
});
export const decisionListQuery = decisionFilters.extend({ page: digits.optional(), pageSize: digits.optional() });

/** A screening run as stored (GET /rounds/:round/screenings lists them, oldest first). */
export const screeningRun = z.object({
  id: z.number(),
  round: z.string(),
  as_of: z.string(),
  region_code: z.string().nullable(),
  status: runStatus,
  policy_version: z.string(),
  total_units: z.number(),
  processed_units: z.number(),
  error: z.string().nullable(),
  started_at: instant,
  finished_at: instant.nullable(),
  created_by: z.string(),
});

export const tally = z.object({
  key: z.string(),
  label: z.string().optional(),
  units: z.number(),
  amountFen: fen,
  amountYuan: z.string(),
});

export const runView = z.object({
  runId: z.number(),
  status: runStatus,
  error: z.string().nullable(),
  progress: z.object({ done: z.number(), total: z.number(), percent: z.number() }),
  summary: z.object({
    run: screeningRun,
    total: tally,
    byRegion: z.array(tally),
    bySize: z.array(tally),
    byStatus: z.array(tally),
    byReason: z.array(tally),
    laterStage: z.object({
      label: z.string(),
      count: z.number(),
      units: z.array(z.object({ unitId: z.number(), state: z.enum(refundCaseStates), stateLabel: z.string() })),
    }),
  }),
});

const diffSide = z.object({ status: decisionStatus, amountFen: fen, amountYuan: z.string(), reasons: z.array(z.string()) });
const onlyInOne = z.object({ unitId: z.number(), regionCode: z.string(), status: decisionStatus, amountFen: fen });
export const runDiff = z.object({
  runA: z.number(),
  runB: z.number(),
  changed: z.array(
    z.object({
      unitId: z.number(),
      regionCode: z.string(),
      before: diffSide,
      after: diffSide,
      reasonsAdded: z.array(z.string()),
      reasonsRemoved: z.array(z.string()),
      changedSteps: z.array(z.object({ step: z.string(), before: z.string().nullable(), after: z.string() })),
    }),
  ),
  onlyInA: z.array(onlyInOne),
  onlyInB: z.array(onlyInOne),
});

export const decisionItem = z.object({
  unitId: z.number(),
  unitName: z.string(),
  creditCodeMasked: z.string(),
  regionCode: z.string(),
  caseState: z.enum(refundCaseStates),
  caseStateLabel: z.string(),
  runId: z.number(),
  status: decisionStatus,
  amountFen: fen,
  amountYuan: z.string(),
  reasons: z.array(z.string()),
  size: z.string().nullable(),
  layoffRate: z.string().nullable(),
});

export const decisionPage = z.object({
  round: z.string(),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(decisionItem),
});

export const decisionDetail = decisionItem.extend({
  baseFen: fen,
  ratioBp: z.number().nullable(),
  sizeClass: z.string().nullable(),
  fullMonths: z.number().nullable(),
  layoffs: z.number().nullable(),
  payTo: z.string().nullable(),
  asOf: z.string(),
  inputHash: z.string(),
  policyVersion: z.string(),
  /** Null when it cannot be rebuilt (the unit's data changed since); traceNote says why. */
  trace: z.array(traceStep).nullable(),
  traceNote: z.string().nullable(),
});
