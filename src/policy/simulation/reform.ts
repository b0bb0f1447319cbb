// A reform: a named set of dated parameter values that replace the ones in force over their dates, for a what-if run.
// It never touches the parameter files: it builds a second parameter store beside the project's, checked against the
// same declarations as the files are, so a reform can set only what a file could hold.
import { z } from 'zod';
import { addDays, isValidDate, type IsoDate } from '../core/dates.ts';
import {
  checkDatedValues,
  ParameterError,
  ParameterStore,
  type DatedValue,
  type ParameterDeclaration,
  type ParameterFile,
} from '../core/parameters.ts';

const isoDate = z.string().refine(isValidDate, { message: '日期须为有效的 YYYY-MM-DD' });

export const reformChangeSchema = z.strictObject({
  rule: z.string().regex(/^[a-z][a-z-]*$/, { message: '规则名称有误' }),
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: '参数名称有误' }),
  from: isoDate,
  to: isoDate.nullable(),
  value: z.unknown().refine((v) => v !== undefined && v !== null, { message: '缺少新取值 value' }),
  /** The legal basis the value would carry once adopted; required only to export the reform as a parameter change. */
  legalBasis: z.string().trim().min(4, { message: '法律依据至少4个字' }).max(300).optional(),
});

export const reformSchema = z.strictObject({
  name: z.string().trim().min(1, { message: '请填写方案名称' }).max(100, { message: '方案名称不超过100字' }),
  description: z.string().max(1000, { message: '方案说明不超过1000字' }).optional(),
  changes: z.array(reformChangeSchema).min(1, { message: '至少要调整一个参数' }).max(50, { message: '一个方案最多调整50个参数' }),
});

export type ReformChange = z.infer<typeof reformChangeSchema>;
export type Reform = z.infer<typeof reformSchema>;

/** What a simulated value cites in the traces of a what-if run: never mistaken for the law in force. */
export const simulatedBasis = (reformName: string) => `模拟方案「${reformName}」（测算用，非现行政策）`;

/** The dated values with [from, to] cut out of them and `replacement` put in its place, sorted by date. */
export function replaceSpan(values: readonly DatedValue[], replacement: DatedValue): DatedValue[] {
  const { from, to } = replacement;
  const kept = values.flatMap((v): DatedValue[] => {
    const endsBefore = v.to !== null && v.to < from;
    const startsAfter = to !== null && v.from > to;
    if (endsBefore || startsAfter) return [v];
    const parts: DatedValue[] = [];
    if (v.from < from) parts.push({ ...v, to: addDays(from, -1) });
    if (to !== null && (v.to === null || v.to > to)) parts.push({ ...v, from: addDays(to, 1) });
    return parts;
  });
  return [...kept, replacement].sort((a, b) => a.from.localeCompare(b.from));
}

/** Problems with one change: unknown parameter, a value of the wrong shape, dates in the wrong order. */
function changeProblems(
  change: ReformChange,
  base: ParameterStore,
  declarations: ReadonlyMap<string, ParameterDeclaration>,
): string[] {
  const where = `${change.rule}.${change.key}`;
  const shape = declarations.get(change.rule)?.shapes[change.key];
  if (!shape) return [`${where}: 没有这个参数`];
  try {
    base.definition(change.rule, change.key);
  } catch (error) {
    if (error instanceof ParameterError) return [`${where}: 参数文件中没有这个参数`];
    throw error;
  }
  const problems: string[] = [];
  if (change.to !== null && change.to < change.from) problems.push(`${where}: 截止日期 ${change.to} 早于起始日期 ${change.from}`);
  const parsed = shape.safeParse(change.value);
  if (!parsed.success) problems.push(`${where}: 新取值不符合参数类型：${parsed.error.issues.map((i) => i.message).join('；')}`);
  const allowed = base.definition(change.rule, change.key).allowed;
  if (allowed && !allowed.includes(change.value as string)) problems.push(`${where}: 新取值须为 ${allowed.join('、')} 之一`);
  return problems;
}

export type AppliedReform = { ok: true; params: ParameterStore } | { ok: false; problems: string[] };

/**
 * The parameter store with the reform's values in force over their dates; `version` names the result (the caller
 * derives it from the base version and the reform). Two changes of one parameter must not overlap.
 */
export function applyReform(
  base: ParameterStore,
  reform: Reform,
  declarations: ReadonlyMap<string, ParameterDeclaration>,
  version: string,
): AppliedReform {
  const problems = reform.changes.flatMap((change) => changeProblems(change, base, declarations));
  if (problems.length) return { ok: false, problems };
  const files = new Map<string, ParameterFile>(base.rules().map((f) => [f.rule, structuredClone(f)]));
  const seen = new Map<string, ReformChange[]>();
  for (const change of reform.changes) {
    const def = files.get(change.rule)!.parameters[change.key]!;
    const replacement: DatedValue = {
      from: change.from,
      to: change.to,
      value: change.value,
      legalBasis: simulatedBasis(reform.name),
    };
    def.values = replaceSpan(def.values, replacement);
    const same = seen.get(`${change.rule}.${change.key}`) ?? [];
    if (same.some((c) => overlaps(c, change))) problems.push(`${change.rule}.${change.key}: 同一参数的两项调整日期重叠`);
    seen.set(`${change.rule}.${change.key}`, [...same, change]);
    problems.push(...checkDatedValues(`${change.rule}.yaml`, change.key, def.values));
  }
  return problems.length ? { ok: false, problems } : { ok: true, params: new ParameterStore([...files.values()], version) };
}

function overlaps(a: { from: IsoDate; to: IsoDate | null }, b: { from: IsoDate; to: IsoDate | null }): boolean {
  return (a.to === null || a.to >= b.from) && (b.to === null || b.to >= a.from);
}

export interface ReformDifference {
  rule: string;
  key: string;
  /** The change in each version, null where that version leaves the parameter alone. */
  before: ReformChange[] | null;
  after: ReformChange[] | null;
}

/** What differs between two reforms (or two versions of one), parameter by parameter. */
export function compareReforms(before: Reform, after: Reform): ReformDifference[] {
  const byParameter = (reform: Reform) => {
    const map = new Map<string, ReformChange[]>();
    for (const c of reform.changes) map.set(`${c.rule}.${c.key}`, [...(map.get(`${c.rule}.${c.key}`) ?? []), c]);
    return map;
  };
  const [a, b] = [byParameter(before), byParameter(after)];
  return [...new Set([...a.keys(), ...b.keys()])].sort().flatMap((id) => {
    const [rule, key] = id.split('.') as [string, string];
    const x = a.get(id) ?? null;
    const y = b.get(id) ?? null;
    return JSON.stringify(x) === JSON.stringify(y) ? [] : [{ rule, key, before: x, after: y }];
  });
}
