// A round as a whole: progress by workflow state, sending the notices after 公示, and the dated parameters with their
// legal basis.
import { z } from 'zod';
import { refundCaseStates } from '../../domain/vocabulary/cases.ts';
import { parameterSchema } from '../../policy/core/parameters.ts';
import { fen } from './common.ts';

/** One workflow state of the round (GET /rounds/:round/progress). */
export const stateTally = z.object({
  state: z.enum(refundCaseStates),
  label: z.string(),
  units: z.number(),
  amountFen: fen,
  amountYuan: z.string(),
});

/** POST /rounds/:round/notify: the notices sent after 公示 and their delivery. */
export const notifyResult = z.object({
  notified: z.number(),
  manual: z.array(z.object({ unitId: z.number(), unitName: z.string(), creditCode: z.string(), reason: z.string() })),
  delivery: z.object({ sent: z.number(), retrying: z.number(), failed: z.number() }),
});

const datedValue = z.object({
  from: z.string(),
  to: z.string().nullable(),
  value: z.unknown(),
  legalBasis: z.string(),
  note: z.string().optional(),
});
export const parameterList = z.object({
  version: z.string(),
  rules: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      parameters: z.array(
        z.object({ key: z.string(), label: z.string(), unit: parameterSchema.shape.unit, values: z.array(datedValue) }),
      ),
    }),
  ),
});
