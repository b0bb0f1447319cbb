// Building blocks of the evaluation contract's input schemas, with messages in Chinese.
import { z } from 'zod';
import { isValidDate, isValidPeriod } from './dates.ts';

z.config(z.locales.zhCN());

const required = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? '缺少必填字段' : what),
});

export const isoDate = z
  .string(required('须为日期字符串 YYYY-MM-DD'))
  .refine(isValidDate, { message: '须为有效日期，格式 YYYY-MM-DD' });
export const period = z
  .string(required('须为年月字符串 YYYY-MM'))
  .refine(isValidPeriod, { message: '须为有效年月，格式 YYYY-MM' });
export const fen = z
  .number(required('须为整数金额（单位：分）'))
  .int({ message: '金额须为整数（单位：分）' })
  .min(0, { message: '金额不能为负数' })
  .max(Number.MAX_SAFE_INTEGER);
export const count = z.number(required('须为整数')).int({ message: '须为整数' }).min(0, { message: '不能为负数' });
export const flag = z.boolean(required('须为 true 或 false'));
export const text = z.string(required('须为文本'));
export const nonNegative = z.number(required('须为数字')).min(0, { message: '不能为负数' }).finite();

export const orgTypes = [
  'enterprise',
  'social_organization',
  'foundation',
  'social_service_agency',
  'law_firm',
  'accounting_firm',
  'individual_business',
  'government_agency',
  'public_institution',
] as const;
export type OrgType = (typeof orgTypes)[number];
export const orgType = z.enum(orgTypes, { message: `单位类型须为以下之一：${orgTypes.join('、')}` });

export const sizes = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof sizes)[number];
export const size = z.enum(sizes, { message: '企业规模须为 large、medium、small、micro 之一' });

export const industries = [
  'agriculture',
  'industrial',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'information_transmission',
  'software_it',
  'real_estate',
  'property_management',
  'leasing_business',
  'other',
] as const;
export type Industry = (typeof industries)[number];
export const industry = z.enum(industries, { message: `行业须为以下之一：${industries.join('、')}` });

/** Every case carries an id that is echoed back; any JSON scalar is accepted. */
export const caseId = z.union([z.string(), z.number()]).optional();

/** A nested object of the contract, with the same Chinese messages as the scalar fields. */
export const nestedObject = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape, { error: (issue) => (issue.input === undefined ? '缺少必填字段' : '须为 JSON 对象') });
