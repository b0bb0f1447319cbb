// 公示 (鲁人社发〔2024〕8号 第八条): staff open, list, object to, close and export notices; the public reads them.
import { z } from 'zod';
import { fen, idText, instant, roundText } from './common.ts';

const noticeStatus = z.enum(['open', 'closed']);

export const noticeParams = z.object({ id: idText });
export const noticeListQuery = z.strictObject({ round: roundText.optional(), status: noticeStatus.optional() });
export const itemQuery = z.strictObject({
  q: z.string().max(100).describe('按单位名称查询').optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .describe('每页条数，默认 100，最多 1000')
    .optional(),
  offset: z
    .string()
    .regex(/^[0-9]{1,9}$/)
    .optional(),
});

export const openNoticeBody = z.strictObject({
  round: roundText,
  batchIds: z.array(z.number().int().min(1)).min(1),
  title: z.string().optional(),
});
export const openedNotice = z.object({
  noticeId: z.number(),
  openedOn: z.string(),
  workingDays: z.number(),
  lastDay: z.string(),
  unitCount: z.number(),
});

export const notice = z.object({
  id: z.number(),
  round: z.string(),
  title: z.string(),
  openedOn: z.string(),
  workingDays: z.number(),
  lastDay: z.string(),
  status: noticeStatus,
  openedBy: z.string(),
  closedAt: instant.nullable(),
  closedBy: z.string().nullable(),
  unitCount: z.number(),
  withdrawnCount: z.number(),
  totalFen: fen,
});
export const noticeItem = z.object({
  unitId: z.number(),
  unitName: z.string(),
  creditCodeMasked: z.string(),
  regionCode: z.string(),
  layoffRate: z.string().nullable(),
  amountFen: fen,
  withdrawn: z.boolean(),
});

export const objectionBody = z.strictObject({ unitId: z.number().int().min(1), content: z.string().min(1) });
export const recordedObjection = z.object({ objectionId: z.number() });
export const closedNotice = z.object({ noticeId: z.number(), passedCount: z.number() });

/** What the public page shows of a notice: no staff names. */
export const publicNotice = notice
  .pick({ id: true, round: true, title: true, openedOn: true, lastDay: true, status: true, unitCount: true, totalFen: true })
  .extend({ totalYuan: z.string() });
/** What the public page shows of a listed unit: credit code masked, no withdrawn units. */
export const publicNoticeItem = z.object({
  unitName: z.string(),
  creditCode: z.string(),
  layoffRate: z.string(),
  amountFen: fen,
  amountYuan: z.string(),
});
