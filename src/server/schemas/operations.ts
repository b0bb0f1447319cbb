// The operations endpoints' answers as zod: liveness, and readiness with each check (database, migrations, parameters).
import { z } from 'zod';

export const liveness = z.object({ status: z.literal('ok') });
export const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.array(z.object({ name: z.enum(['database', 'migrations', 'parameters']), ok: z.boolean(), detail: z.string() })),
});
