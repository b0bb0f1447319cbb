import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addPeriods,
  formatChineseDate,
  fromDayNumber,
  isValidDate,
  isValidPeriod,
  isoWeekday,
  periodsBetween,
  toDayNumber,
} from '../../../../src/policy/core/dates.ts';

describe('calendar dates without Date objects', () => {
  it('recognises real dates only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('2024-13-01')).toBe(false);
    expect(isValidDate('2024-1-01')).toBe(false);
    expect(isValidPeriod('2024-12')).toBe(true);
    expect(isValidPeriod('2024-00')).toBe(false);
  });

  it('adds months the way "12个月以内" is read: same day, or the month end when it does not exist', () => {
    expect(addMonths('2024-06-30', 12)).toBe('2025-06-30');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('counts periods across years', () => {
    expect(addPeriods('2023-11', 3)).toBe('2024-02');
    expect(addPeriods('2024-01', -1)).toBe('2023-12');
    expect(periodsBetween('2022-12', '2023-12')).toBe(12);
  });

  it('knows weekdays (2024-10-01 was a Tuesday, 2024-02-18 a Sunday)', () => {
    expect(isoWeekday('2024-10-01')).toBe(2);
    expect(isoWeekday('2024-02-18')).toBe(7);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('formats dates as people read them', () => {
    expect(formatChineseDate('2024-08-05')).toBe('2024年8月5日');
  });

  it('day numbers round-trip and agree with the platform calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200000, max: 200000 }), (n) => {
        const date = fromDayNumber(n);
        expect(isValidDate(date) || n < -719162).toBe(true);
        expect(toDayNumber(date)).toBe(n);
        if (n >= 0) expect(new Date(n * 86400000).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });
});
