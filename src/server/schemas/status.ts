// The service's status: its parameter version and the rules it evaluates.
import { z } from 'zod';

export const serviceStatus = z.object({
  service: z.string(),
  policyVersion: z.string(),
  rules: z.array(z.object({ name: z.string(), title: z.string(), article: z.string(), endpoint: z.string() })),
});
