// Confirmation (鲁人社发〔2024〕8号 第七条：经其确认后发放): what the unit sees through its SMS link and confirms with a
// one-time code; for staff, the units notified but not yet confirmed and the SMS outbox (without message bodies).
import { z } from 'zod';
import { fen, instant } from './common.ts';

const smsStatus = z.enum(['pending', 'sending', 'sent', 'failed']);

export const tokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, { message: '确认链接格式不正确' })
    .describe('短信链接中的确认令牌'),
});
export const codeBody = z.strictObject({
  code: z
    .string()
    .regex(/^[0-9]{6}$/, { message: '验证码须为6位数字' })
    .describe('短信验证码（6位数字）'),
});
export const outboxQuery = z.strictObject({
  status: smsStatus.optional(),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/, { message: '须为不超过4位的数字' })
    .describe('条数，默认 100，最多 1000')
    .optional(),
});

/** The unit, the amount and the masked pay-to account, as the confirmation page shows them. */
export const confirmationView = z.object({
  round: z.string(),
  unitName: z.string(),
  amountFen: fen,
  amountYuan: z.string(),
  payTo: z.string(),
  phoneMasked: z.string().nullable(),
});
export const codeSent = confirmationView.extend({ codeSentTo: z.string().nullable() });
export const confirmed = confirmationView.extend({ confirmedAt: z.string() });

export const unconfirmedUnit = z.object({
  unitId: z.number(),
  unitName: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  phoneMasked: z.string().nullable(),
  amountFen: fen,
  notifiedAt: z.string(),
  daysSinceNotified: z.number(),
  remindersSent: z.number(),
});

/** An outbox row: the phone masked, the body (which carries the confirmation link) left out. */
export const outboxRow = z.object({
  id: z.number(),
  idempotency_key: z.string(),
  round: z.string().nullable(),
  unit_id: z.number().nullable(),
  phone_masked: z.string(),
  template: z.string(),
  status: smsStatus,
  attempts: z.number(),
  next_attempt_at: instant,
  provider: z.string().nullable(),
  provider_message_id: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: instant,
  sent_at: instant.nullable(),
});
