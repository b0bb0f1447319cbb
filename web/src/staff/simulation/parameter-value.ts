// A parameter value as a person types it and reads it: ratios as percentages (5.5 for 550 bp), money in yuan, counts
// as whole numbers, codes and switches as they are, tables as JSON; parsed back without floating-point drift.
import { formatBpPercent } from '../../../../src/policy/core/ratio.ts';
import { formatYuan } from '../../../../src/policy/core/money.ts';

/** Scaled integer from a decimal string with at most `decimals` places ("5.5", 2 → 550), or null when it is not one. */
function scaled(text: string, decimals: number): number | null {
  const match = new RegExp(`^(\\d{1,12})(?:\\.(\\d{1,${decimals}}))?$`).exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 10 ** decimals + Number((match[2] ?? '').padEnd(decimals, '0'));
}

export function valueText(unit: string, value: unknown): string {
  if (unit === 'bp' && typeof value === 'number') return formatBpPercent(value);
  if (unit === 'fen' && typeof value === 'number') return `${formatYuan(value)} 元`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function inputText(unit: string, value: unknown): string {
  if (unit === 'bp' && typeof value === 'number') return formatBpPercent(value).replace('%', '');
  if (unit === 'fen' && typeof value === 'number') return formatYuan(value).replace(/,/g, '');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const UNIT_HINTS: Record<string, string> = {
  bp: '%',
  fen: '元',
  persons: '人',
  months: '个月',
  days: '天',
  count: '',
  date: 'YYYY-MM-DD',
  enum: '',
  flag: '',
  list: 'JSON',
  table: 'JSON',
};

/** The value for the API, or a message in Chinese. */
export function parseValue(unit: string, text: string): { value: unknown } | { error: string } {
  switch (unit) {
    case 'bp': {
      const bp = scaled(text, 2);
      return bp === null || bp > 10_000 ? { error: '请填写 0～100 之间的百分比，最多两位小数' } : { value: bp };
    }
    case 'fen': {
      const fen = scaled(text, 2);
      return fen === null ? { error: '请填写金额（元），最多两位小数' } : { value: fen };
    }
    case 'persons':
    case 'months':
    case 'days':
    case 'count':
      return /^\d{1,9}$/.test(text.trim()) ? { value: Number(text.trim()) } : { error: '请填写非负整数' };
    case 'flag':
      return text === 'true' || text === 'false' ? { value: text === 'true' } : { error: '请选择是或否' };
    case 'list':
    case 'table':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        return { error: '请填写有效的 JSON' };
      }
    default:
      return text.trim() ? { value: text.trim() } : { error: '请填写新取值' };
  }
}
