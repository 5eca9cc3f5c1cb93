import { describe, expect, it } from 'vitest';
import type { TabelMark } from './tabel.js';
import { neverComeRun } from './never-come.js';

const back = (...marks: TabelMark[]): TabelMark[] => marks;

describe('the run of school days a child never came', () => {
  it('counts unmarked, family and uncertified sick days, passes over days off and today, and ends at a day present', () => {
    expect(neverComeRun(back('future', 'unmarked', 'weekend', 'weekend', 'family', 'holiday', 'sick-uncertified', 'unmarked', 'present', 'unmarked'))).toEqual({
      days: 4,
      endedBy: 'present',
      open: false,
    });
  });

  it('ends at an excused absence, at the enrolment and at the first day with records', () => {
    for (const excused of ['sick', 'vacation', 'sanatorium', 'other'] as const) {
      expect(neverComeRun(back('unmarked', 'unmarked', excused, 'unmarked'))).toEqual({ days: 2, endedBy: excused, open: false });
    }
    expect(neverComeRun(back('unmarked', 'weekend', 'not-enrolled', 'present'))).toEqual({ days: 1, endedBy: 'not-enrolled', open: false });
    expect(neverComeRun(back('unmarked', 'no-records'))).toEqual({ days: 1, endedBy: 'no-records', open: false });
  });

  it('carries a run on from the month after and says when the marks ran out first', () => {
    expect(neverComeRun(back('unmarked', 'holiday', 'unmarked'), 5)).toEqual({ days: 7, endedBy: null, open: true });
    expect(neverComeRun(back('present'), 5)).toEqual({ days: 5, endedBy: 'present', open: false });
    expect(neverComeRun(back())).toEqual({ days: 0, endedBy: null, open: true });
  });
});
