// The simulation API as zod schemas: the parameters a reform may change, saved reforms and their comparison, what-if
// runs with their tallies and the cap, the units a run moves, and what would make one unit eligible. The reform's own
// schema lives with the rule code it describes (src/policy/simulation/reform.ts).
import { z } from 'zod';
import { isValidDate } from '../../policy/core/dates.ts';
import { reformChangeSchema, reformSchema } from '../../policy/simulation/reform.ts';
import { decisionStatuses } from '../../domain/vocabulary/refund.ts';
import { impactDimensions, remedyKinds, simulationRunStatuses, unitShifts } from '../../domain/vocabulary/simulation.ts';
import { fen, idText, instant, regionCode, roundText } from './common.ts';

const status = z.enum(decisionStatuses);

export const compareParams = z.object({ id: idText, other: idText });
export const counterfactualParams = z.object({ round: roundText, unitId: z.string().regex(/^[0-9]{1,15}$/) });

export const parameterEntry = z.object({
  rule: z.string(),
  ruleTitle: z.string(),
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  allowed: z.array(z.string()).nullable(),
  values: z.array(z.object({ from: z.string(), to: z.string().nullable(), value: z.unknown(), legalBasis: z.string() })),
});

export const saveReformBody = reformSchema;

export const savedReform = z.object({
  id: z.number(),
  name: z.string(),
  version: z.number(),
  reform: reformSchema,
  createdBy: z.string(),
  createdAt: instant,
});

export const reformDifference = z.object({
  rule: z.string(),
  key: z.string(),
  before: z.array(reformChangeSchema).nullable(),
  after: z.array(reformChangeSchema).nullable(),
});

export const parameterFile = z.object({ name: z.string(), text: z.string() });

export const startRunBody = z.strictObject({
  reformId: z.number().int().positive({ message: '请选择模拟方案' }),
  round: roundText.default('2024'),
  asOf: z.string().refine(isValidDate, { message: '测算日期须为有效的 YYYY-MM-DD' }).optional(),
  region: regionCode.optional(),
});
export const startedRun = z.object({ id: z.number(), status: z.literal('running') });

export const bucket = z.object({
  units: z.number(),
  baselineEligible: z.number(),
  reformEligible: z.number(),
  baselineFen: fen,
  reformFen: fen,
  newlyEligible: z.number(),
  noLongerEligible: z.number(),
  newlyEligiblePeople: z.number(),
  noLongerEligiblePeople: z.number(),
  changed: z.number(),
});

const capSide = z.object({
  capRatioBp: z.number().nullable(),
  capFen: fen.nullable(),
  remainingFen: fen.nullable(),
  fits: z.boolean().nullable(),
});

export const impactRun = z.object({
  id: z.number(),
  reform: z.object({ id: z.number(), name: z.string(), version: z.number() }),
  round: z.string(),
  asOf: z.string(),
  regionCode: z.string().nullable(),
  status: z.enum(simulationRunStatuses),
  totalUnits: z.number(),
  processedUnits: z.number(),
  tally: z.object({
    total: bucket,
    region: z.record(z.string(), bucket),
    size: z.record(z.string(), bucket),
    industry: z.record(z.string(), bucket),
    reason: z.record(z.string(), z.object({ baseline: z.number(), reform: z.number() })),
    /** Benefit claims and skill-subsidy applications re-decided (absent in runs made before they were). */
    persons: z.object({ benefit: bucket, skill: bucket, skillLevel: z.record(z.string(), bucket) }).optional(),
  }),
  cap: z
    .object({
      regionCode: z.string(),
      regionName: z.string(),
      year: z.number(),
      sealedBalanceFen: fen,
      committedFen: fen,
      baseline: capSide,
      reform: capSide,
    })
    .nullable(),
  seconds: z.number().nullable(),
  error: z.string().nullable(),
  createdBy: z.string(),
  startedAt: instant,
  /** Chinese labels of the keys of each breakdown (districts, sizes, industries, reasons). */
  labels: z.record(z.enum(impactDimensions), z.record(z.string(), z.string())),
});

export const runListItem = z.object({
  id: z.number(),
  reformId: z.number(),
  reformName: z.string(),
  reformVersion: z.number(),
  regionCode: z.string().nullable(),
  status: z.enum(simulationRunStatuses),
  baselineFen: fen,
  reformFen: fen,
  startedAt: instant,
});

export const changesQuery = z.strictObject({
  shift: z.enum(unitShifts, { message: '变化类型有误' }).optional(),
  after: z
    .string()
    .regex(/^[0-9]{1,15}$/, { message: 'after 须为单位编号' })
    .transform(Number)
    .optional(),
});

export const changedUnit = z.object({
  unitId: z.number(),
  unitName: z.string(),
  regionCode: z.string(),
  shift: z.enum(unitShifts),
  baselineStatus: status,
  reformStatus: status,
  baselineFen: fen,
  reformFen: fen,
  baselineReasons: z.array(z.string()),
  reformReasons: z.array(z.string()),
});

export const counterfactualQuery = z.strictObject({ round: roundText.default('2024') });

export const counterfactualAnswer = z.object({
  eligible: z.boolean(),
  status,
  remedies: z.array(z.object({ reason: z.string(), kind: z.enum(remedyKinds), text: z.string() })),
  flipped: z.object({ status, amountFen: fen, text: z.string() }).nullable(),
});
