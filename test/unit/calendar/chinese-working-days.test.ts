import { describe, expect, it } from 'vitest';
import { chineseWorkingDays as calendar } from '../../../src/adapters/calendar/chinese-working-days.ts';
import { CalendarYearNotCoveredError } from '../../../src/domain/ports/working-day-calendar.ts';

// Holidays and make-up days as published by the State Council (SPEC.md "Working days").
const holidays2024 = [
  '2024-01-01',
  '2024-02-10',
  '2024-02-17',
  '2024-04-04',
  '2024-04-06',
  '2024-05-01',
  '2024-05-05',
  '2024-06-10',
  '2024-09-16',
  '2024-10-01',
  '2024-10-07',
];
const makeUp2024 = [
  '2024-02-04',
  '2024-02-18',
  '2024-04-07',
  '2024-04-28',
  '2024-05-11',
  '2024-09-14',
  '2024-09-29',
  '2024-10-12',
];
const holidays2025 = [
  '2025-01-01',
  '2025-01-28',
  '2025-02-04',
  '2025-04-04',
  '2025-05-05',
  '2025-05-31',
  '2025-06-02',
  '2025-10-08',
];
const makeUp2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

describe('Chinese working-day calendar', () => {
  it('knows the 2024 and 2025 holidays and make-up working days', () => {
    for (const d of [...holidays2024, ...holidays2025]) expect(calendar.isWorkingDay(d), d).toBe(false);
    for (const d of [...makeUp2024, ...makeUp2025]) expect(calendar.isWorkingDay(d), d).toBe(true);
    expect(calendar.isWorkingDay('2024-02-09')).toBe(true); // 除夕 2024 was a working day
    expect(calendar.isWorkingDay('2024-08-17')).toBe(false); // an ordinary Saturday
  });

  it('a 5-working-day notice opened before National Day runs past the holiday and the make-up Saturday', () => {
    // 09-27 (Fri), 09-29 (Sun, make-up), 09-30 (Mon), 10-08 (Tue), 10-09 (Wed)
    expect(calendar.lastOfWorkingDays('2024-09-27', 5)).toBe('2024-10-09');
    // Opened on a holiday: the count starts on the next working day.
    expect(calendar.lastOfWorkingDays('2024-10-03', 5)).toBe('2024-10-12');
  });

  it('counts working days in a span', () => {
    expect(calendar.countWorkingDays('2024-02-05', '2024-02-18')).toBe(6); // 02-05..02-09 and make-up 02-18
  });

  it('refuses a year without official holiday data rather than guessing', () => {
    expect(() => calendar.isWorkingDay('2031-05-01')).toThrow(CalendarYearNotCoveredError);
  });
});
