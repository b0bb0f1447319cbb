// The audit trail: the auditor's search (newest first, keyset pages), its verification and the audited reveal.
import { z } from 'zod';
import { idText } from './common.ts';
import { SEARCH_LIMIT } from '../../services/audit/search-audit.ts';

const isoDay = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, { message: '日期须为 YYYY-MM-DD' });
const text = (description: string) => z.string().min(1).describe(description);

export const auditQuery = z.strictObject({
  actor: text('操作人').optional(),
  action: text('操作，如 case.approve、personal_data.reveal、case.*').optional(),
  subject: text('对象，如 person:42、refund_case:2024:7、refund_case:2024:*').optional(),
  from: isoDay.describe('起始日期（北京时间，含）').optional(),
  to: isoDay.describe('截止日期（北京时间，含）').optional(),
  before: idText.describe('上一页返回的 nextBefore').optional(),
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,3}$/)
    .describe(`每页条数，默认 ${SEARCH_LIMIT.default}，最多 ${SEARCH_LIMIT.max}`)
    .optional(),
});

export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  detail: z.json(),
  prevHash: z.string(),
  hash: z.string(),
});
export const auditPage = z.object({ entries: z.array(auditEntry), nextBefore: z.number().nullable() });

export const verifyBody = z
  .strictObject({
    checkpoint: z
      .strictObject({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .describe('库外保存的检查点')
      .optional(),
  })
  .nullish();

export const personParams = z.object({ id: idText });
export const revealBody = z.strictObject({
  field: z.enum(['id_number', 'phone', 'bank_account']).describe('身份号码、手机号码或银行账号'),
  reason: z.string().describe('查看事由（必填）'),
});
export const revealed = z.object({
  personId: z.number(),
  field: revealBody.shape.field,
  value: z.string(),
  auditSeq: z.number(),
});

const chainHead = z.object({ seq: z.number(), hash: z.string() });
const chainBreakReasons = ['edited', 'missing', 'out_of_order', 'relinked', 'truncated', 'rewritten', 'anchor_invalid'] as const;
/** POST /audit/verify: the chain holds (with its head) or where it first breaks and why, plus what it was checked against. */
export const auditVerdict = z
  .union([
    z.object({ ok: z.literal(true), count: z.number(), last: chainHead.nullable() }),
    z.object({ ok: z.literal(false), seq: z.number(), reason: z.enum(chainBreakReasons), message: z.string() }),
  ])
  .and(
    z.object({
      checkpoints: z.array(chainHead),
      anchor: z
        .object({
          location: z.string(),
          newest: chainHead.extend({ at: z.string(), kind: z.enum(['checkpoint', 'verified_head']) }).nullable(),
        })
        .optional(),
    }),
  );
