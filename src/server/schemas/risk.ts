// Request bodies of the risk and campaign routes as zod objects (鲁人社发〔2024〕8号 第八条、第九条), ready for the zod
// type provider; until it lands the routes validate with these in the handler.
import { z } from 'zod';

const note = z.string().trim().min(1).max(500);

export const proposeBody = z.strictObject({
  proposal: z.enum(['clear', 'confirm']),
  note,
  recoveryFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

export const decideBody = z.strictObject({ note: note.optional() });

export const repayBody = z.strictObject({
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reference: z.string().trim().min(1).max(100),
});

/** What the risk and campaign routes answer, for the console. */
export type { HitView } from '../../services/risk/list-hits.ts';
export type { CatalogueEntry } from '../../services/risk/catalogue.ts';
export type { CampaignReport } from '../../services/campaigns/campaign-report.ts';
