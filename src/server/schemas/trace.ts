// A decision's trace as the console shows it: every condition with its value, threshold, result and clause.
import { z } from 'zod';

export const traceStep = z.object({
  step: z.string(),
  value: z.unknown(),
  threshold: z.unknown().optional(),
  passed: z.boolean().nullable().optional(),
  parameter: z.string().optional(),
  legalBasis: z.string(),
  text: z.string(),
});
