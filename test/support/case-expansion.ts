// Expands a readable case file (policy/cases/<rule>.yaml, see policy/cases/README.md) into the plain
// { name, input, expect } cases the evaluation contract takes. Pure: the caller reads and parses the file.
//
// - `base` holds the input every case starts from; a case's `input` states only what differs.
// - Merge: objects merge key by key, recursively; a scalar or an ARRAY in the case replaces the base's value
//   entirely (arrays are never merged element by element or concatenated).
// - `omit: [dotted.path, ...]` removes fields of the merged input (e.g. `unit.size` for a unit with no size).
// - Generators, expanded last: `monthsPaid` → `months` + `payments`; `workerMonthsPaid` → `workerPayments`.
//   Generated entries come first, then any entries the input lists explicitly under the generated key.

export interface DomainCase {
  name?: string;
  input: Record<string, unknown>;
  expect: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` with `change` laid over it: objects merge recursively, everything else (arrays included) replaces. */
export function mergeOver(base: unknown, change: unknown): unknown {
  if (!isObject(base) || !isObject(change)) return change === undefined ? base : change;
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(change)) merged[key] = mergeOver(base[key], value);
  return merged;
}

function omitPath(target: Json, path: string, where: string): void {
  const keys = path.split('.');
  let node: unknown = target;
  for (const key of keys.slice(0, -1)) node = isObject(node) ? node[key] : undefined;
  const last = keys[keys.length - 1]!;
  if (!isObject(node) || !(last in node)) throw new Error(`${where}：omit 中的字段 ${path} 在合并后的输入中不存在`);
  delete node[last];
}

/** `YYYY-MM` periods from `from` to `to`, both included. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const end = to.split('-').map(Number) as [number, number];
  while (year < end[0] || (year === end[0] && month <= end[1])) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  if (out.length === 0) throw new Error(`期间 ${from} 晚于 ${to}`);
  return out;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function asObject(value: unknown, where: string): Json {
  if (!isObject(value)) throw new Error(`${where} 须为对象`);
  return value;
}

function checkKeys(value: unknown, allowed: string[], where: string): Json {
  const object = asObject(value, where);
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  if (unknown.length) throw new Error(`${where} 含未知字段 ${unknown.join('、')}（可用：${allowed.join('、')}）`);
  return object;
}

function paidOnFor(period: string, paidDay: unknown, where: string): string {
  if (!Number.isInteger(paidDay) || (paidDay as number) < 1 || (paidDay as number) > 28) {
    throw new Error(`${where}.paidDay 须为 1–28 的整数（每个月都有的日期）`);
  }
  return `${period}-${String(paidDay).padStart(2, '0')}`;
}

/** `except` keys are a period (`2023-06`) or an inclusive range (`2023-01..2023-12`). */
function exceptionsByPeriod(except: unknown, run: string[], where: string): Map<string, Json> {
  const byPeriod = new Map<string, Json>();
  for (const [key, change] of Object.entries(except === undefined ? {} : asObject(except, where))) {
    const [from = '', to = from] = key.split('..');
    if (!PERIOD.test(from) || !PERIOD.test(to)) throw new Error(`${where} 的键 ${key} 须为 YYYY-MM 或 YYYY-MM..YYYY-MM`);
    for (const period of periodsBetween(from, to)) {
      if (!run.includes(period)) throw new Error(`${where} 的 ${period} 不在 from–to 范围内`);
      byPeriod.set(period, { ...byPeriod.get(period), ...checkKeys(change, ['dueFen', 'paidFen', 'paidOn'], `${where}.${key}`) });
    }
  }
  return byPeriod;
}

/**
 * `monthsPaid: { from, to, dueFen, paidDay, paidOn?, except? }`: one month due per period, each paid in full on
 * `paidDay` of its own month (or on `paidOn` for every month). `except: { <period or range>: { dueFen?, paidFen?,
 * paidOn? } }` changes single months; a changed `dueFen` is also the amount paid unless `paidFen` is given.
 */
function expandMonthsPaid(spec: unknown, where: string): { months: Json[]; payments: Json[] } {
  const s = checkKeys(spec, ['from', 'to', 'dueFen', 'paidDay', 'paidOn', 'except'], where);
  if (!PERIOD.test(String(s.from)) || !PERIOD.test(String(s.to))) throw new Error(`${where}.from/to 须为 YYYY-MM`);
  const run = periodsBetween(String(s.from), String(s.to));
  const except = exceptionsByPeriod(s.except, run, `${where}.except`);
  const months: Json[] = [];
  const payments: Json[] = [];
  for (const period of run) {
    const change = except.get(period) ?? {};
    const dueFen = change.dueFen ?? s.dueFen;
    const paidOn = change.paidOn ?? s.paidOn ?? paidOnFor(period, s.paidDay, where);
    months.push({ period, dueFen });
    payments.push({ period, paidOn, amountFen: change.paidFen ?? dueFen, kind: 'contribution' });
  }
  return { months, payments };
}

/** `workerMonthsPaid: [{ workerId, from, to, amountFen, paidDay }]`: a worker's contribution paid every month. */
function expandWorkerMonthsPaid(spec: unknown, where: string): Json[] {
  if (!Array.isArray(spec)) throw new Error(`${where} 须为列表`);
  return spec.flatMap((entry, i) => {
    const s = checkKeys(entry, ['workerId', 'from', 'to', 'amountFen', 'paidDay'], `${where}[${i}]`);
    return periodsBetween(String(s.from), String(s.to)).map((period) => ({
      workerId: s.workerId,
      period,
      paidOn: paidOnFor(period, s.paidDay, `${where}[${i}]`),
      amountFen: s.amountFen,
    }));
  });
}

function listed(input: Json, key: string, where: string): unknown[] {
  const value = input[key] ?? [];
  if (!Array.isArray(value)) throw new Error(`${where}.${key} 须为列表`);
  return value;
}

function expandGenerators(input: Json, where: string): Json {
  const { monthsPaid, workerMonthsPaid, ...rest } = input;
  if (monthsPaid !== undefined) {
    const generated = expandMonthsPaid(monthsPaid, `${where}.monthsPaid`);
    rest.months = [...generated.months, ...listed(input, 'months', where)];
    rest.payments = [...generated.payments, ...listed(input, 'payments', where)];
  }
  if (workerMonthsPaid !== undefined) {
    rest.workerPayments = [
      ...expandWorkerMonthsPaid(workerMonthsPaid, `${where}.workerMonthsPaid`),
      ...listed(input, 'workerPayments', where),
    ];
  }
  return rest;
}

/** The cases of one parsed case file; `source` names the file in error messages. */
export function expandCaseFile(document: unknown, source: string): DomainCase[] {
  const file = checkKeys(document, ['base', 'cases'], source);
  if (!Array.isArray(file.cases)) throw new Error(`${source}：cases 须为列表`);
  const base = file.base === undefined ? {} : asObject(file.base, `${source}：base`);
  const seen = new Set<unknown>();
  return file.cases.map((entry, i) => {
    const c = checkKeys(entry, ['id', 'name', 'input', 'omit', 'expect'], `${source}：第 ${i + 1} 个案例`);
    const where = `${source}：案例 ${String(c.id)}`;
    if (c.id === undefined || seen.has(c.id)) throw new Error(`${where}：id 缺失或重复`);
    seen.add(c.id);
    if (!isObject(c.expect)) throw new Error(`${where}：缺少 expect`);
    const merged = mergeOver(structuredClone(base), structuredClone(c.input ?? {})) as Json;
    for (const path of (c.omit as string[] | undefined) ?? []) omitPath(merged, path, where);
    const input = { id: c.id, ...expandGenerators(merged, where) };
    return { ...(c.name === undefined ? {} : { name: String(c.name) }), input, expect: c.expect };
  });
}
