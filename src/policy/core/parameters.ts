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

const unitShapes = {
  fen: wholeNumber,
  bp: z.number().int().min(0).max(10_000),
  months: wholeNumber,
  persons: wholeNumber,
  count: wholeNumber,
  days: wholeNumber,
  date: z.string().refine(isValidDate, { message: '须为有效日期 YYYY-MM-DD' }),
  flag: z.boolean(),
};

/** Building blocks of the rules' parameter shapes: one per unit of the files, and a code from a list. */
export const shapes = { ...unitShapes, oneOf: <const T extends readonly [string, ...string[]]>(codes: T) => z.enum(codes) };

/** What a value must look like for each unit (a rule's declaration then says exactly which shape). */
const valueSchemas: Record<ParameterDefinition['unit'], z.ZodType> = {
  ...unitShapes,
  enum: z.string(),
  list: z.array(z.unknown()),
  table: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))]),
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

/** The shape of each parameter a rule reads, by key: checked when the files load, so lookups return typed values. */
export type ParameterShapes = Readonly<Record<string, z.ZodType>>;

export interface ParameterDeclaration<S extends ParameterShapes = ParameterShapes> {
  rule: string;
  shapes: S;
}

export type ParameterKey<S extends ParameterShapes> = Extract<keyof S, string>;
export type ParameterValue<S extends ParameterShapes, K extends keyof S> = z.output<S[K]>;

export const declareParameters = <S extends ParameterShapes>(rule: string, shapes: S): ParameterDeclaration<S> => ({
  rule,
  shapes,
});

/** A file against its rule's declaration: exactly the declared keys, each dated value of the declared shape. */
function checkDeclared(file: string, data: ParameterFile, declaration: ParameterDeclaration | undefined): string[] {
  if (!declaration) return [`${file}: 规则 ${data.rule} 未声明参数类型（每条规则须在代码中声明其参数）`];
  const declared = Object.keys(declaration.shapes);
  return [
    ...declared.filter((key) => !data.parameters[key]).map((key) => `${file} ${key}: 规则声明了该参数，但文件中没有`),
    ...Object.keys(data.parameters)
      .filter((key) => !declared.includes(key))
      .map((key) => `${file} ${key}: 规则未声明该参数`),
    ...declared.flatMap((key) =>
      (data.parameters[key]?.values ?? []).flatMap((v) => {
        const parsed = declaration.shapes[key]!.safeParse(v.value);
        return parsed.success
          ? []
          : [
              `${file} ${key}: ${v.from} 起的取值不符合规则声明的类型：${parsed.error.issues.map((i) => `${i.path.join('.') || '取值'} ${i.message}`).join('；')}`,
            ];
      }),
    ),
  ];
}

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
    if (!valueSchemas[def.unit].safeParse(v.value).success)
      return [`${file} ${key}: ${v.from} 起的取值 ${JSON.stringify(v.value)} 不符合单位 ${def.unit}`];
    if (def.allowed && !def.allowed.includes(v.value as string))
      return [`${file} ${key}: ${v.from} 起的取值 ${String(v.value)} 不在可选值 ${def.allowed.join('、')} 中`];
    return [];
  });
}

/**
 * Validates one parsed parameter file against the general schema and its rule's declaration (looked up by the file's
 * `rule`); returns the problems, each naming the file and key.
 */
export function validateParameterFile(
  file: string,
  data: unknown,
  declarations: ReadonlyMap<string, ParameterDeclaration>,
): { file?: ParameterFile; problems: string[] } {
  const parsed = parameterFileSchema.safeParse(data);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => `${file} ${issue.path.join('.') || '(根)'}: ${issue.message}`) };
  }
  const problems = [
    ...Object.entries(parsed.data.parameters).flatMap(([key, def]) => [
      ...checkDatedValues(file, key, def.values),
      ...checkValues(file, key, def),
    ]),
    ...checkDeclared(file, parsed.data, declarations.get(parsed.data.rule)),
  ];
  return problems.length ? { problems } : { file: parsed.data, problems };
}

export class ParameterStore {
  private readonly byRule = new Map<string, ParameterFile>();
  /** One answer object per dated value: a screening looks the same few values up millions of times. */
  private readonly answers = new WeakMap<DatedValue, ParameterInForce<unknown>>();

  /** `version` identifies the exact parameter set (a content hash computed by whoever loaded the files). */
  constructor(
    files: readonly ParameterFile[],
    readonly version: string,
  ) {
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

  /**
   * The value in force on `date`, or undefined when none is (the rule then answers NO_PARAMETER_IN_FORCE). Its type is
   * the declared shape's, which every value was checked against when the files loaded.
   */
  at<S extends ParameterShapes, K extends ParameterKey<S>>(
    declaration: ParameterDeclaration<S>,
    key: K,
    date: IsoDate,
  ): ParameterInForce<ParameterValue<S, K>> | undefined {
    const def = this.definition(declaration.rule, key);
    const hit = def.values.find((v) => isWithin(date, v.from, v.to));
    return hit && this.inForce(declaration, key, def, hit);
  }

  /** The most recent value (for rules whose input carries no date, such as a standard still in force). */
  latest<S extends ParameterShapes, K extends ParameterKey<S>>(
    declaration: ParameterDeclaration<S>,
    key: K,
  ): ParameterInForce<ParameterValue<S, K>> {
    const def = this.definition(declaration.rule, key);
    const hit = [...def.values].sort((a, b) => b.from.localeCompare(a.from))[0]!;
    return this.inForce(declaration, key, def, hit);
  }

  private inForce<S extends ParameterShapes, K extends ParameterKey<S>>(
    declaration: ParameterDeclaration<S>,
    key: K,
    def: ParameterDefinition,
    hit: DatedValue,
  ): ParameterInForce<ParameterValue<S, K>> {
    let answer = this.answers.get(hit);
    if (!answer) {
      answer = Object.freeze({
        rule: declaration.rule,
        key,
        label: def.label,
        unit: def.unit,
        value: hit.value,
        from: hit.from,
        to: hit.to,
        legalBasis: hit.legalBasis,
      });
      this.answers.set(hit, answer);
    }
    return answer as ParameterInForce<ParameterValue<S, K>>;
  }
}
