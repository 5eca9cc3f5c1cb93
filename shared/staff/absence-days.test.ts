import { describe, expect, it } from 'vitest';
import { daysBetween, isWorkingDay, unexcusedDaysInMonth, vacationDaysInYear, type AbsenceSpan } from './absence-days.js';

describe('absence days', () => {
  it('lists a range with both ends, across a month end', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(daysBetween('2026-02-02', '2026-02-01')).toEqual([]);
  });

  it('knows weekends (23 Nov 2026 is a Monday)', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-11-29')).toBe(false);
  });

  it('counts vacation in calendar days of the year only, and overlapping days once', () => {
    const spans: AbsenceSpan[] = [
      { firstDate: '2025-12-29', lastDate: '2026-01-04', reason: 'vacation' },
      { firstDate: '2026-01-03', lastDate: '2026-01-05', reason: 'vacation' },
      { firstDate: '2026-02-01', lastDate: '2026-02-10', reason: 'sick' },
    ];
    expect(vacationDaysInYear(spans, '2026-06-01')).toBe(5);
    expect(vacationDaysInYear(spans, '2025-06-01')).toBe(3);
  });

  it('counts unexcused working days of the month only', () => {
    const spans: AbsenceSpan[] = [
      // Friday to Monday: the weekend does not count.
      { firstDate: '2026-11-27', lastDate: '2026-11-30', reason: 'family' },
      { firstDate: '2026-12-01', lastDate: '2026-12-01', reason: 'family' },
      { firstDate: '2026-11-02', lastDate: '2026-11-03', reason: 'vacation' },
    ];
    expect(unexcusedDaysInMonth(spans, '2026-11-15')).toBe(2);
    expect(unexcusedDaysInMonth(spans, '2026-12-15')).toBe(1);
  });
});
