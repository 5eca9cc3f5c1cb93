import { describe, expect, it } from 'vitest';
import type { AbsenceSpan } from './absence-days.js';
import { holidayUse, holidayWarnings, seasonOf } from './holiday-seasons.js';

const allowance = { summerDays: 31, winterDays: 31 };
const holiday = (firstDate: string, lastDate: string): AbsenceSpan => ({ firstDate, lastDate, reason: 'vacation' });

describe('holiday seasons', () => {
  it('puts June–August in the summer of its year and December–February in one winter named by both years', () => {
    expect(seasonOf('2026-06-01')).toMatchObject({ season: 'summer', label: '2026' });
    expect(seasonOf('2026-08-31')).toMatchObject({ season: 'summer', label: '2026' });
    expect(seasonOf('2026-12-01')).toMatchObject({ season: 'winter', label: '2026/27', first: '2026-12-01', last: '2027-02-28' });
    expect(seasonOf('2027-02-28')).toMatchObject({ season: 'winter', label: '2026/27' });
    // 2028 is a leap year: the winter from December 2027 ends on the 29th.
    expect(seasonOf('2028-01-15')).toMatchObject({ label: '2027/28', last: '2028-02-29' });
    expect(seasonOf('2026-03-01')).toBeNull();
    expect(seasonOf('2026-11-30')).toBeNull();
  });

  it('counts calendar days per season, overlaps once, only holidays, across the new year', () => {
    const spans: AbsenceSpan[] = [
      holiday('2026-07-01', '2026-07-20'),
      holiday('2026-07-15', '2026-07-25'),
      holiday('2026-12-28', '2027-01-05'),
      { firstDate: '2026-08-01', lastDate: '2026-08-10', reason: 'sick' },
    ];
    // In January the winter running is the one from December; the summer is the new year's, still empty.
    expect(holidayUse(spans, '2027-01-10', allowance).map((s) => [s.label, s.used])).toEqual([
      ['2027', 0],
      ['2026/27', 9],
    ]);
    // In September: this year's summer (25 days) and the winter to come (9 days already planned).
    expect(holidayUse(spans, '2026-09-10', allowance).map((s) => [s.season, s.label, s.used, s.allowed])).toEqual([
      ['summer', '2026', 25, 31],
      ['winter', '2026/27', 9, 31],
    ]);
  });

  it('warns before a holiday would exceed its season, and about days outside both seasons', () => {
    const taken = [holiday('2026-06-01', '2026-06-25')];
    expect(holidayWarnings(taken, holiday('2026-07-01', '2026-07-06'), allowance)).toEqual([]);
    expect(holidayWarnings(taken, holiday('2026-07-01', '2026-07-07'), allowance)).toEqual([
      { kind: 'season-over', season: 'summer', label: '2026', used: 32, allowed: 31 },
    ]);
    // From late August into September: 3 summer days (within), 5 days of autumn.
    expect(holidayWarnings([], holiday('2026-08-29', '2026-09-05'), allowance)).toEqual([{ kind: 'off-season', days: 5 }]);
    // Across the new year, one winter.
    expect(holidayWarnings([holiday('2026-12-01', '2026-12-31')], holiday('2027-01-01', '2027-01-01'), allowance)).toEqual([
      { kind: 'season-over', season: 'winter', label: '2026/27', used: 32, allowed: 31 },
    ]);
    expect(holidayWarnings(taken, { ...holiday('2026-07-01', '2026-07-31'), reason: 'sick' }, allowance)).toEqual([]);
    expect(holidayWarnings([], holiday('2026-07-01', '2026-07-01'), { summerDays: 0, winterDays: 0 })).toHaveLength(1);
  });
});
