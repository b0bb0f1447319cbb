// Working days from the maintained `chinese-days` calendar (State Council holiday arrangements with make-up days).
// The library silently treats years it has no data for as plain Mon–Fri weeks; we refuse those years instead.
import chineseDays from 'chinese-days';
import { addDays, yearOf, type IsoDate } from '../../policy/core/dates.ts';
import { CalendarYearNotCoveredError, type WorkingDayCalendar } from '../../domain/ports/working-day-calendar.ts';

const coveredYears = new Map<number, boolean>();

function assertCovered(date: IsoDate): void {
  const year = yearOf(date);
  let covered = coveredYears.get(year);
  if (covered === undefined) {
    // Every published year has at least New Year's Day as a holiday.
    covered =
      chineseDays.isHoliday(`${year}-01-01`) &&
      chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 1;
    coveredYears.set(year, covered);
  }
  if (!covered) throw new CalendarYearNotCoveredError(year);
}

export const chineseWorkingDays: WorkingDayCalendar = {
  isWorkingDay(date) {
    assertCovered(date);
    return chineseDays.isWorkday(date);
  },
  lastOfWorkingDays(start, count) {
    if (count < 1) throw new RangeError('count must be at least 1');
    let date = start;
    let seen = 0;
    for (;;) {
      if (this.isWorkingDay(date) && ++seen === count) return date;
      date = addDays(date, 1);
    }
  },
  countWorkingDays(from, to) {
    let n = 0;
    for (let date = from; date <= to; date = addDays(date, 1)) if (this.isWorkingDay(date)) n++;
    return n;
  },
};
