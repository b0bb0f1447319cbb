// How amounts, dates and codes read on screen: yuan with two decimals and thousands separators, dates as 2024年8月15日.
import { formatYuan, type Fen } from '../../../src/policy/core/money.ts';
import { formatChineseDate } from '../../../src/policy/core/dates.ts';

export { formatChineseDate };

/** 123456 fen → "1,234.56 元" */
export function yuan(fen: Fen | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `${formatYuan(fen)} 元`;
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant from the server as people read it in Shandong: 2024年8月15日 10:30. */
export function dateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const at = new Date(instant);
  return `${formatChineseDate(dayFormat.format(at))} ${timeFormat.format(at)}`;
}

/** An ISO date as 2024年8月15日 ("—" when absent). */
export function day(date: string | null | undefined): string {
  return date ? formatChineseDate(date.slice(0, 10)) : '—';
}

/** 1234 → "1,234" */
export function count(n: number): string {
  return n.toLocaleString('zh-CN');
}

/** Yuan typed by a person (e.g. 1234.5) as whole fen, without floating-point drift. */
export function yuanToFen(yuanValue: number): number {
  const [whole, fraction = ''] = yuanValue.toFixed(2).split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A parameter version for people: its content hash without the `params-` prefix. */
export function policyVersion(version: string | undefined): string {
  return version ? version.replace(/^params-/, '') : '—';
}
