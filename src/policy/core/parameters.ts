// The dated parameter store: every value the rules use, keyed by rule and name, each with its legal basis.
import { z } from 'zod';
import { isValidDate, isWithin, type IsoDate } from './dates.ts';

const isoDate = z.string().refine(isValidDate, { message: '日期须为有效的 YYYY-MM-DD' });

export const datedValueSchema = z.strictObject({
  from: isoDate,
  to: isoDate.nullable(),
  value: z.unknown().refine((v) => v !== undefined && v !== null, { message: '缺少取值 value' }),
  legalBasis: z.string().trim().min(4, { message: '每个取值都必须写明法律依据 legalBasis' }),
  note: z.string().optional(),
});

export const parameterSchema = z.strictObject({
  label: z.string().min(1, { message: '缺少中文名称 label' }),
  unit: z.enum(['fen', 'bp', 'months', 'persons', 'days', 'count', 'date', 'enum', 'list', 'table', 'flag']),
  /** The codes an `enum` parameter may take. */
  allowed: z.array(z.string()).min(1).optional(),
  values: z.array(datedValueSchema).min(1, { message: '至少要有一个取值' }),
});

const wholeNumber = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** What a value must look like for each unit. */
const valueSchemas: Record<ParameterDefinition['unit'], z.ZodType> = {
  fen: wholeNumber,
  bp: z.number().int().min(0).max(10_000),
  months: wholeNumber,
  persons: wholeNumber,
  days: wholeNumber,
  count: wholeNumber,
  date: z.string().refine(isValidDate),
  enum: z.string(),
  list: z.array(z.unknown()),
  table: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))]),
  flag: z.boolean(),
};

export const parameterFileSchema = z.strictObject({
  rule: z.string().regex(/^[a-z][a-z-]*$/),
  title: z.string().min(1),
  parameters: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), parameterSchema),
});

export type DatedValue = z.infer<typeof datedValueSchema>;
export type ParameterDefinition = z.infer<typeof parameterSchema>;
export type ParameterFile = z.infer<typeof parameterFileSchema>;

/** A parameter value in force on a date, with everything a trace needs to cite it. */
export interface ParameterInForce<T> {
  rule: string;
  key: string;
  label: string;
  unit: ParameterDefinition['unit'];
  value: T;
  from: IsoDate;
  to: IsoDate | null;
  legalBasis: string;
}

export class ParameterError extends Error {}

/** Structural checks beyond the schema: dates in order and no two values in force on the same day. */
export function checkDatedValues(file: string, key: string, values: readonly DatedValue[]): string[] {
  const problems: string[] = [];
  const sorted = [...values].sort((a, b) => a.from.localeCompare(b.from));
  sorted.forEach((v, i) => {
    if (v.to !== null && v.to < v.from) problems.push(`${file} ${key}: 取值 ${v.from} 的截止日期 ${v.to} 早于起始日期`);
    const next = sorted[i + 1];
    if (next && (v.to === null || v.to >= next.from)) {
      problems.push(`${file} ${key}: 取值 ${v.from}～${v.to ?? '长期'} 与 ${next.from} 起的取值日期重叠`);
    }
  });
  return problems;
}

/** Each value must fit its unit (bp within 0–10000, whole numbers, real dates) and an enum its allowed codes. */
function checkValues(file: string, key: string, def: ParameterDefinition): string[] {
  if (def.unit === 'enum' && !def.allowed) return [`${file} ${key}: 枚举参数须列出可选值 allowed`];
  return def.values.flatMap((v) => {
    if (!valueSchemas[def.unit].safeParse(v.value).success) return [`${file} ${key}: ${v.from} 起的取值 ${JSON.stringify(v.value)} 不符合单位 ${def.unit}`];
    if (def.allowed && !def.allowed.includes(v.value as string)) return [`${file} ${key}: ${v.from} 起的取值 ${String(v.value)} 不在可选值 ${def.allowed.join('、')} 中`];
    return [];
  });
}

/** Validates one parsed parameter file; returns the problems, each naming the file and key. */
export function validateParameterFile(file: string, data: unknown): { file?: ParameterFile; problems: string[] } {
  const parsed = parameterFileSchema.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => `${file} ${issue.path.join('.') || '(根)'}: ${issue.message}`) };
  }
  const problems = Object.entries(parsed.data.parameters).flatMap(([key, def]) => [
    ...checkDatedValues(file, key, def.values),
    ...checkValues(file, key, def),
  ]);
  return problems.length ? { problems } : { file: parsed.data, problems };
}

export class ParameterStore {
  private readonly byRule = new Map<string, ParameterFile>();

  /** `version` identifies the exact parameter set (a content hash computed by whoever loaded the files). */
  constructor(files: readonly ParameterFile[], readonly version: string) {
    for (const f of files) {
      if (this.byRule.has(f.rule)) throw new ParameterError(`规则 ${f.rule} 的参数文件重复`);
      this.byRule.set(f.rule, f);
    }
  }

  rules(): ParameterFile[] {
    return [...this.byRule.values()];
  }

  definition(rule: string, key: string): ParameterDefinition {
    const def = this.byRule.get(rule)?.parameters[key];
    if (!def) throw new ParameterError(`参数 ${rule}.${key} 不存在`);
    return def;
  }

  /** The value in force on `date`, or undefined when none is (the rule then answers NO_PARAMETER_IN_FORCE). */
  at<T>(rule: string, key: string, date: IsoDate): ParameterInForce<T> | undefined {
    const def = this.definition(rule, key);
    const hit = def.values.find((v) => isWithin(date, v.from, v.to));
    return hit && { rule, key, label: def.label, unit: def.unit, value: hit.value as T, from: hit.from, to: hit.to, legalBasis: hit.legalBasis };
  }

  /** The most recent value (for rules whose input carries no date, such as a standard still in force). */
  latest<T>(rule: string, key: string): ParameterInForce<T> {
    const def = this.definition(rule, key);
    const hit = [...def.values].sort((a, b) => b.from.localeCompare(a.from))[0]!;
    return { rule, key, label: def.label, unit: def.unit, value: hit.value as T, from: hit.from, to: hit.to, legalBasis: hit.legalBasis };
  }
}
