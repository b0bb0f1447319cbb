// Calendar dates as ISO strings. No Date objects and no clock: dates are civil dates in Asia/Shanghai.

/** `YYYY-MM-DD` */
export type IsoDate = string;
/** `YYYY-MM` */
export type Period = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_RE = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidPeriod(value: string): boolean {
  const m = PERIOD_RE.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function yearOf(dateOrPeriod: IsoDate | Period): number {
  return Number(dateOrPeriod.slice(0, 4));
}

export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

export function firstDayOf(period: Period): IsoDate {
  return `${period}-01`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The period `months` months after `period` (negative goes back). */
export function addPeriods(period: Period, months: number): Period {
  const index = yearOf(period) * 12 + (Number(period.slice(5, 7)) - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** Number of months from `from` to `to` (to − from); equal periods give 0. */
export function periodsBetween(from: Period, to: Period): number {
  return (yearOf(to) - yearOf(from)) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

/** The same day `months` later; a day past the end of the target month falls on its last day (01-31 + 1 → 02-28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const target = addPeriods(periodOf(date), months);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(yearOf(target), Number(target.slice(5, 7))));
  return `${target}-${pad(day)}`;
}

/** Whether `date` lies in [from, to], both inclusive; an open `to` (null) has no end. */
export function isWithin(date: string, from: string, to: string | null): boolean {
  return date >= from && (to === null || date <= to);
}

/** Civil date as a day count (days since 1970-01-01), for weekday and span arithmetic without Date. */
export function toDayNumber(date: IsoDate): number {
  let y = yearOf(date);
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** A date as people read it in Chinese, e.g. 2024年8月15日. */
export function formatChineseDate(date: IsoDate): string {
  return `${yearOf(date)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
