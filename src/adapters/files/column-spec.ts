// A typed description of a tabular import (one per import kind) and reusable column parsers with Chinese messages.
// A parser receives the cell text trimmed and non-empty; empty cells are handled by validate-rows.ts.
import type { EnterpriseSize } from '../../policy/core/input-fields.ts';
import { isValidDate, isValidPeriod } from '../../policy/core/dates.ts';

export type ParseResult<V> = { value: V } | { error: string };

/** A column parser plus a one-line Chinese description of what the column accepts (used in the template). */
export interface FieldParser<V> {
  parse(raw: string): ParseResult<V>;
  hint: string;
}

interface ColumnBase<K extends string> {
  key: K;
  /** Chinese header as it appears in the file, e.g. 统一社会信用代码. */
  header: string;
  /** Example value written into the template; it must pass `parse`. */
  example: string;
  hint: string;
  /** Extra explanation for the template's 填写说明 sheet. */
  note?: string;
}

/** A required column parses to Row[K]; an optional one may only exist when Row[K] admits null (its empty value). */
type ColumnFor<Row, K extends keyof Row & string> =
  | (ColumnBase<K> & { required: true; parse(raw: string): ParseResult<Row[K]> })
  | (null extends Row[K] ? ColumnBase<K> & { required: false; parse(raw: string): ParseResult<NonNullable<Row[K]>> } : never);

export type ColumnSpec<Row> = { [K in keyof Row & string]-?: ColumnFor<Row, K> }[keyof Row & string];

export interface ImportSpec<Row> {
  /** Machine name used on the command line and in the API, e.g. `units`. */
  kind: string;
  /** Chinese title, e.g. 参保单位; also the template's sheet name. */
  title: string;
  columns: readonly ColumnSpec<Row>[];
}

type WithoutKey<T> = T extends unknown ? Omit<T, 'key'> : never;
type ColumnDefinitions<Row> = { [K in keyof Row & string]-?: WithoutKey<ColumnFor<Row, K>> };

/**
 * Builds an ImportSpec from one column definition per field of Row (so no field can be forgotten), in file order.
 * Throws when two columns share a header or an example does not pass its own parser.
 */
export function defineImportSpec<Row>(definition: {
  kind: string;
  title: string;
  columns: ColumnDefinitions<Row>;
}): ImportSpec<Row> {
  const columns = Object.entries(definition.columns).map(([key, column]) => ({ ...(column as object), key }) as ColumnSpec<Row>);
  const headers = new Set<string>();
  for (const column of columns) {
    const header = column.header.trim();
    if (!header || headers.has(header)) throw new Error(`import spec ${definition.kind}: empty or duplicate header "${header}"`);
    headers.add(header);
    if (column.example === '' ? column.required : 'error' in column.parse(column.example)) {
      throw new Error(`import spec ${definition.kind}: example "${column.example}" of column ${header} does not parse`);
    }
  }
  return { kind: definition.kind, title: definition.title, columns };
}

/** Full-width digits, letters and punctuation (０-９，．／－) as typed with a Chinese IME → ASCII. */
function toHalfWidth(raw: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(raw)) return raw;
  return raw.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The first of several accepted forms that matches, spaces around 年/月/日 ignored. */
function matchForm(forms: readonly RegExp[], raw: string): RegExpExecArray | null {
  const text = toHalfWidth(raw).replace(/\s*([年月日])\s*/g, '$1');
  for (const form of forms) {
    const m = form.exec(text);
    if (m) return m;
  }
  return null;
}

export function text(options: { maxLength: number }): FieldParser<string> {
  return {
    hint: `文本，最多 ${options.maxLength} 个字`,
    parse(raw) {
      const length = [...raw].length;
      return length > options.maxLength
        ? { error: `长度不能超过 ${options.maxLength} 个字（当前 ${length} 个）` }
        : { value: raw };
    },
  };
}

const GROUPED_NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

export function integer(options: { min?: number; max?: number } = {}): FieldParser<number> {
  const min = options.min ?? 0;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  return {
    hint: max === Number.MAX_SAFE_INTEGER ? `整数，不小于 ${min}` : `整数，${min} 至 ${max}`,
    parse(raw) {
      const m = GROUPED_NUMBER.exec(toHalfWidth(raw));
      if (!m || (m[3] !== undefined && /[^0]/.test(m[3]))) return { error: '须为整数' };
      const value = Number(`${m[1]}${m[2]!.replace(/,/g, '')}`);
      if (!Number.isSafeInteger(value) || value < min || value > max) {
        return { error: max === Number.MAX_SAFE_INTEGER ? `须不小于 ${min}` : `须在 ${min} 至 ${max} 之间` };
      }
      return { value };
    },
  };
}

/**
 * Yuan as written by people or Excel ("1,234.56", "1234.5", "12") → integer fen, exactly: the decimal string is
 * split into digits, never passed through floating point. More than two decimals is an error unless they are zeros.
 */
export function amountYuan(options: { allowNegative?: boolean } = {}): FieldParser<number> {
  return {
    hint: `金额，单位元，最多两位小数，可含千位分隔符（如 1,234.56）${options.allowNegative ? '，可为负数' : ''}`,
    parse(raw) {
      const m = GROUPED_NUMBER.exec(toHalfWidth(raw));
      if (!m) return { error: '金额格式不正确，应为以元为单位的数字，如 1,234.56' };
      const [, sign, whole, decimals = ''] = m;
      if (/[^0]/.test(decimals.slice(2))) return { error: '金额最多两位小数（精确到分）' };
      const magnitude = BigInt(whole!.replace(/,/g, '')) * 100n + BigInt(decimals.slice(0, 2).padEnd(2, '0'));
      const fen = sign === '-' ? -magnitude : magnitude;
      if (fen < 0n && !options.allowNegative) return { error: '金额不能为负数' };
      if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER))
        return { error: '金额超出可处理的范围' };
      return { value: Number(fen) };
    },
  };
}

const DATE_FORMS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+0{1,2}:00(?::00)?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** 2024-08-15, 2024/8/15, 2024.8.15, 2024年8月15日, 20240815 (Excel date cells arrive as 2024-08-15) → ISO date. */
export function date(): FieldParser<string> {
  return {
    hint: '日期，如 2024-08-15、2024/8/15 或 2024年8月15日',
    parse(raw) {
      const m = matchForm(DATE_FORMS, raw);
      if (!m) return { error: '日期格式不正确，应为 2024-08-15、2024/8/15 或 2024年8月15日' };
      const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      return isValidDate(iso) ? { value: iso } : { error: `日期不存在：${iso}` };
    },
  };
}

const PERIOD_FORMS = [
  /^(\d{4})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月$/,
  /^(\d{4})(\d{2})$/,
  // Excel turns a typed 2024-08 into the date 2024-08-01; accept that cell back as its month.
  /^(\d{4})-(\d{2})-01$/,
];

/** 2024-08, 2024/8, 202408, 2024年8月 → ISO period YYYY-MM. */
export function period(): FieldParser<string> {
  return {
    hint: '年月，如 2024-08、2024/8、202408 或 2024年8月',
    parse(raw) {
      const m = matchForm(PERIOD_FORMS, raw);
      if (!m) return { error: '年月格式不正确，应为 2024-08、2024/8、202408 或 2024年8月' };
      const iso = `${m[1]}-${m[2]!.padStart(2, '0')}`;
      return isValidPeriod(iso) ? { value: iso } : { error: `月份须在 1 至 12 之间：${raw}` };
    },
  };
}

/** Chinese labels → codes, e.g. { 是: true, 否: false }; the labels are listed in the message and the hint. */
export function enumOf<V>(labels: Readonly<Record<string, V>>): FieldParser<V> {
  const list = Object.keys(labels).join('、');
  return {
    hint: `填写以下之一：${list}`,
    parse(raw) {
      return Object.hasOwn(labels, raw) ? { value: labels[raw] as V } : { error: `须为以下之一：${list}` };
    },
  };
}

export function yesNo(): FieldParser<boolean> {
  return enumOf({ 是: true, 否: false });
}

export function enterpriseSize(): FieldParser<EnterpriseSize> {
  return enumOf<EnterpriseSize>({ 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro' });
}

/**
 * An identifier with a check character (credit code, ID number): spaces removed, upper-cased, then `check` returns
 * problem codes (empty = valid), each shown through `messages` (an unknown code is shown as is).
 */
export function checkedCode(options: {
  check: (value: string) => readonly string[];
  messages: Readonly<Record<string, string>>;
  hint: string;
}): FieldParser<string> {
  return {
    hint: options.hint,
    parse(raw) {
      const value = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
      const problems = options.check(value);
      if (problems.length === 0) return { value };
      return { error: problems.map((code) => options.messages[code] ?? `不符合编码规则（${code}）`).join('；') };
    },
  };
}
