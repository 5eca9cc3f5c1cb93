import { describe, expect, it } from 'vitest';
import type { TabelMark } from '../admin/tabel.js';
import { absenceRunBefore } from './return-run.js';

const back = (...marks: [string, TabelMark][]) => marks.map(([date, mark]) => ({ date, mark }));

describe('the run of absence before a return', () => {
  it('counts sick and unexplained school days, passes over days off, and ends at the last day present', () => {
    expect(absenceRunBefore(back(['21', 'unmarked'], ['20', 'weekend'], ['19', 'weekend'], ['18', 'sick-uncertified'], ['17', 'sick'], ['16', 'holiday'], ['15', 'unmarked'], ['14', 'present']))).toEqual({
      days: 4,
      lastSeen: '14',
      open: false,
    });
  });

  it('ends at an explained absence or a day with no records, and says when the marks ran out first', () => {
    expect(absenceRunBefore(back(['11', 'unmarked'], ['10', 'vacation'], ['09', 'unmarked']))).toEqual({ days: 1, lastSeen: null, open: false });
    expect(absenceRunBefore(back(['11', 'sick'], ['10', 'no-records']))).toEqual({ days: 1, lastSeen: null, open: false });
    expect(absenceRunBefore(back(['02', 'sick'], ['01', 'holiday']), 3)).toEqual({ days: 4, lastSeen: null, open: true });
    expect(absenceRunBefore(back(['02', 'present']))).toEqual({ days: 0, lastSeen: '02', open: false });
  });
});
