// Request schemas of the skill-subsidy routes as zod objects, served to Fastify as JSON Schema (draft-07).
import { z } from 'zod';

const certificateNumber = z.string().trim().min(1, { message: '请填写证书编号' }).max(64, { message: '证书编号最长64位' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期须为 YYYY-MM-DD 格式' });

export const personApplicationBody = z.object({ certificateNumber }).strict();

export const staffApplicationBody = z
  .object({
    certificateNumber,
    /** The date a paper application was received; today when omitted. */
    applicationDate: isoDate.optional(),
    channel: z.enum(['case_worker', 'api']).optional(),
  })
  .strict();

export const reviewBody = z.object({ note: z.string().max(500).optional() }).strict();

export const queueQuery = z
  .object({
    state: z.enum(['submitted', 'approved', 'returned']).optional(),
    status: z.enum(['eligible', 'ineligible', 'needs_review']).optional(),
    regionCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    retroactive: z.enum(['true', 'false']).optional(),
    format: z.enum(['json', 'xlsx']).optional(),
  })
  .strict();

export const certificateLookupQuery = z
  .object({
    number: certificateNumber.optional(),
    idNumber: z
      .string()
      .regex(/^[0-9]{17}[0-9Xx]$/, { message: '公民身份号码应为18位' })
      .optional(),
  })
  .strict();

/** The zod schema as the JSON Schema Fastify validates with. */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return rest;
}
