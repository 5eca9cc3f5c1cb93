import { describe, expect, it } from 'vitest';
import { buildTabel, isUnexcused, type TabelAbsence } from './tabel.js';
import { monthCalendar } from './work-calendar.js';

// December 2026: Tuesday the 1st, Independence Day Wednesday the 16th, weekends 5–6, 12–13, 19–20, 26–27.
const days = monthCalendar('2026-12', [{ date: '2026-12-16', name: 'Тәуелсіздік күні' }], [{ date: '2026-12-31', kind: 'day-off', note: 'перенос' }]);
let next = 0;
const sick = (firstDate: string, lastDate: string, certified = false): TabelAbsence => ({
  id: `0190000000000000000000000${String((next += 1)).padStart(7, '0')}`,
  childId: 'c1',
  firstDate,
  lastDate,
  reason: 'sick',
  certified,
});

function marksFor(absences: TabelAbsence[], allowed = 3) {
  const sheet = buildTabel({
    month: '2026-12',
    groupId: 'g1',
    groupName: 'Балапан',
    kindergartenName: 'Айгөлек',
    asOf: '2027-01-05',
    // Nothing else recorded counts: the days with no absence are 'no-records', so the totals are the illness's alone.
    recordsSince: '2027-01-01',
    unexcusedLimit: 3,
    sickDaysWithoutCertificate: allowed,
    days,
    children: [{ id: 'c1', firstName: 'Әлихан', lastName: 'Жұмабаев' }],
    presentDays: new Map(),
    absences,
  });
  const row = sheet.rows[0];
  if (!row) throw new Error('no row');
  return { marks: (from: number, to: number) => row.marks.slice(from - 1, to), totals: row.totals };
}

describe('sick days without a certificate', () => {
  it('excuses the first three school days of an illness with none, and counts the rest as unexcused', () => {
    // Thursday 3 to Wednesday 9: Thu, Fri, (weekend), Mon are the three; Tue 8 and Wed 9 are past them.
    const { marks, totals } = marksFor([sick('2026-12-03', '2026-12-09')]);
    expect(marks(3, 9)).toEqual(['sick', 'sick', 'weekend', 'weekend', 'sick', 'sick-uncertified', 'sick-uncertified']);
    expect(totals).toMatchObject({ sick: 3, sickUncertified: 2, unexcused: 2 });
    expect(isUnexcused('sick-uncertified')).toBe(true);
    expect(isUnexcused('sick')).toBe(false);
  });

  it('keeps an illness one across records and a weekend, and a certificate anywhere in it excuses all of it', () => {
    // Recorded day by day: Thu 3, Fri 4, Mon 7, Tue 8 — one illness; no certificate: Tue is the fourth school day.
    const separate = [sick('2026-12-03', '2026-12-03'), sick('2026-12-04', '2026-12-04'), sick('2026-12-07', '2026-12-07'), sick('2026-12-08', '2026-12-08')];
    expect(marksFor(separate).marks(8, 8)).toEqual(['sick-uncertified']);
    // The certificate brought on the last day, recorded with it: the whole illness is excused.
    expect(marksFor([...separate.slice(0, 3), sick('2026-12-08', '2026-12-08', true)]).totals).toMatchObject({ sick: 4, sickUncertified: 0, unexcused: 0 });
    // Recorded again later over the same days with the certificate: the later record wins.
    expect(marksFor([sick('2026-12-03', '2026-12-09'), sick('2026-12-03', '2026-12-09', true)]).totals.unexcused).toBe(0);
  });

  it('does not count holidays or days off inside the illness, and a school day between two illnesses parts them', () => {
    // Mon 14 to Fri 18 with the 16th a holiday: 14, 15, 17 are the three; only Fri 18 is past them.
    expect(marksFor([sick('2026-12-14', '2026-12-18')]).marks(14, 18)).toEqual(['sick', 'sick', 'holiday', 'sick', 'sick-uncertified']);
    // Tue 1 – Wed 2, then back Thursday, sick again Fri 4 – Mon 7: two illnesses, none past three days.
    expect(marksFor([sick('2026-12-01', '2026-12-02'), sick('2026-12-04', '2026-12-07')]).totals.sickUncertified).toBe(0);
  });

  it('counts the days of an illness that began in the month before', () => {
    // Wednesday 25 November to Tuesday 1 December, recorded as two absences: 25, 26, 27, 30 Nov are four already.
    const { marks } = marksFor([sick('2026-11-25', '2026-11-30'), sick('2026-12-01', '2026-12-02')]);
    expect(marks(1, 2)).toEqual(['sick-uncertified', 'sick-uncertified']);
  });

  it('follows the setting', () => {
    expect(marksFor([sick('2026-12-03', '2026-12-09')], 5).totals.sickUncertified).toBe(0);
    expect(marksFor([sick('2026-12-03', '2026-12-09')], 0).totals.sickUncertified).toBe(5);
  });
});
