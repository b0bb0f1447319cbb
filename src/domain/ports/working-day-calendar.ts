// Port for the Chinese working-day calendar (weekdays plus make-up days, minus public holidays).
import type { IsoDate } from '../../policy/core/dates.ts';
import { Refusal } from '../refusal.ts';

export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** The last day of a span of `count` working days that starts on the first working day on or after `start`. */
  lastOfWorkingDays(start: IsoDate, count: number): IsoDate;
  /** Working days in [from, to], both inclusive. */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
}

/** Raised when a date lies in a year the calendar has no official holiday data for. */
export class CalendarYearNotCoveredError extends Refusal {
  constructor(readonly year: number) {
    super('INVALID', `工作日历缺少 ${year} 年的法定节假日安排，无法计算工作日 / no holiday data for ${year}`);
  }
}
