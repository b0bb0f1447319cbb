// An Excel cell's value as the text a user sees in it, so XLSX and CSV rows reach the column parsers alike.
import type { CellValue } from 'exceljs';
import { fromDayNumber } from '../../policy/core/dates.ts';

const SECONDS_PER_DAY = 86_400;
/** Excel serial day of 1970-01-01 (1900 date system). */
const SERIAL_OF_EPOCH = 25_569;

/** Seconds since the epoch (UTC, exceljs's convention for cell dates) → 2024-08-15, or 2024-08-15 09:30:00. */
function dateTimeText(totalSeconds: number): string {
  const day = Math.floor(totalSeconds / SECONDS_PER_DAY);
  const rest = totalSeconds - day * SECONDS_PER_DAY;
  const iso = fromDayNumber(day);
  if (rest === 0) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${iso} ${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}`;
}

/** A number as Excel displays it in a General cell: 15 significant digits, so 0.1+0.2 reads "0.3". */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '#公式错误';
}

/** Whether a number format shows a date or time (quoted literals and [colour]/[locale] sections ignored). */
function isDateFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /[ymdhs]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

type Scalar = number | string | boolean | Date | { error: string } | null | undefined;

function scalarText(value: Scalar, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateTimeText(Math.round(value.getTime() / 1000));
  if (typeof value === 'number') {
    // The streaming reader converts plain date cells itself, but leaves date-formatted formula results as serials.
    return isDateFormat(numFmt) ? dateTimeText(Math.round((value - SERIAL_OF_EPOCH) * SECONDS_PER_DAY)) : numberText(value);
  }
  return value.error;
}

/** Text of any cell value: strings, numbers, dates, booleans, rich text, hyperlinks, formulas' cached results. */
export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || typeof value !== 'object' || value instanceof Date) return scalarText(value, numFmt);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return scalarText(value.result, numFmt);
  return scalarText(value, numFmt);
}
