// Request schemas of the simulation API as zod objects (the reform's own schema lives with the rule code it describes).
import { z } from 'zod';
import { isValidDate } from '../../policy/core/dates.ts';
import { reformSchema } from '../../policy/simulation/reform.ts';
import { unitShifts } from '../../domain/vocabulary/simulation.ts';

export const id = z
  .string()
  .regex(/^[1-9][0-9]{0,14}$/, { message: '编号须为正整数' })
  .transform(Number);

export const saveReformBody = reformSchema;

export const startRunBody = z.strictObject({
  reformId: z.number().int().positive({ message: '请选择模拟方案' }),
  round: z
    .string()
    .regex(/^[0-9]{4}$/, { message: '年度须为4位数字' })
    .default('2024'),
  asOf: z.string().refine(isValidDate, { message: '测算日期须为有效的 YYYY-MM-DD' }).optional(),
  region: z
    .string()
    .regex(/^[0-9]{6}$/, { message: '行政区划代码须为6位数字' })
    .optional(),
});

export const changesQuery = z.strictObject({
  shift: z.enum(unitShifts, { message: '变化类型有误' }).optional(),
  after: z
    .string()
    .regex(/^[0-9]{1,15}$/, { message: 'after 须为单位编号' })
    .transform(Number)
    .optional(),
});

export const counterfactualQuery = z.strictObject({
  round: z
    .string()
    .regex(/^[0-9]{4}$/, { message: '年度须为4位数字' })
    .default('2024'),
});

/** The first problem of a failed parse, in Chinese, naming the field. */
export function firstProblem(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '请求'}：${i.message}`).join('；');
}
