import { describe, expect, it } from 'vitest';
import { buildTabel, type TabelAbsence, type TabelInput } from './tabel.js';
import { monthCalendar } from './work-calendar.js';

// December 2026: the 1st is a Tuesday; Saturdays 5, 12, 19, 26; Sundays 6, 13, 20, 27; Independence Day Wednesday 16.
// Working days, counted on a paper calendar: 1–4 (4), 7–11 (5), 14, 15, 17, 18 (4), 21–25 (5), 28–31 (4) = 22.
const WORKING = ['01', '02', '03', '04', '07', '08', '09', '10', '11', '14', '15', '17', '18', '21', '22', '23', '24', '25', '28', '29', '30', '31'].map(
  (d) => `2026-12-${d}`,
);
const days = monthCalendar('2026-12', [{ date: '2026-12-16', name: 'Тәуелсіздік күні' }], []);

function present(...dates: string[]): Set<string> {
  return new Set(dates);
}
const except = (...dates: string[]) => WORKING.filter((d) => !dates.includes(d));

// Әлихан: sick with a certificate Thursday 3 to Monday 7 (a weekend inside): 3 working days sick, 19 present.
// Айару: vacation from Monday 21 to Thursday 31: 9 working days; present the other 13.
// Ерасыл: 'family' on the 8th and 9th, nobody said anything on the 10th and 11th: 4 unexcused days, 18 present.
const absences: TabelAbsence[] = [
  { id: '0001', childId: 'alikhan', firstDate: '2026-12-03', lastDate: '2026-12-07', reason: 'sick', certified: true },
  { id: '0002', childId: 'ayaru', firstDate: '2026-12-21', lastDate: '2026-12-31', reason: 'vacation', certified: false },
  { id: '0003', childId: 'yerasyl', firstDate: '2026-12-08', lastDate: '2026-12-09', reason: 'family', certified: false },
];

const input: TabelInput = {
  month: '2026-12',
  groupId: 'g1',
  groupName: 'Балапан',
  kindergartenName: 'Айгөлек',
  asOf: '2027-01-05',
  recordsSince: '2026-01-01',
  unexcusedLimit: 3,
  sickDaysWithoutCertificate: 3,
  days,
  children: [
    { id: 'alikhan', firstName: 'Әлихан', lastName: 'Жұмабаев' },
    { id: 'ayaru', firstName: 'Айару', lastName: 'Жұмабаева' },
    { id: 'yerasyl', firstName: 'Ерасыл', lastName: 'Нұрланов' },
  ],
  presentDays: new Map([
    ['alikhan', present(...except('2026-12-03', '2026-12-04', '2026-12-07'))],
    ['ayaru', present(...except('2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'))],
    ['yerasyl', present(...except('2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'))],
  ]),
  absences,
};

describe('the табель of a month', () => {
  it('counts the fixture month as done by hand', () => {
    const sheet = buildTabel(input);
    expect(sheet.days).toHaveLength(31);
    expect(sheet.totals.workingDays).toBe(22);
    expect(sheet.days[15]).toMatchObject({ date: '2026-12-16', kind: 'holiday', label: 'Тәуелсіздік күні' });
    expect(sheet.days[4]?.kind).toBe('weekend');

    const [alikhan, ayaru, yerasyl] = sheet.rows;
    expect(alikhan?.totals).toEqual({ present: 19, sick: 3, sickUncertified: 0, vacation: 0, sanatorium: 0, family: 0, other: 0, unmarked: 0, unexcused: 0 });
    expect(ayaru?.totals).toEqual({ present: 13, sick: 0, sickUncertified: 0, vacation: 9, sanatorium: 0, family: 0, other: 0, unmarked: 0, unexcused: 0 });
    expect(yerasyl?.totals).toEqual({ present: 18, sick: 0, sickUncertified: 0, vacation: 0, sanatorium: 0, family: 2, other: 0, unmarked: 2, unexcused: 4 });
    expect(sheet.rows.map((r) => r.overLimit)).toEqual([false, false, true]);

    // The sick span covers the weekend of 5–6 December: those stay days off, not sick days.
    expect(alikhan?.marks.slice(2, 7)).toEqual(['sick', 'sick', 'weekend', 'weekend', 'sick']);
    expect(yerasyl?.marks.slice(7, 11)).toEqual(['family', 'family', 'unmarked', 'unmarked']);
    expect(sheet.rows.every((r) => r.marks[15] === 'holiday')).toBe(true);

    // 19 + 13 + 18 child-days go into the monthly act.
    expect(sheet.totals.childDays).toBe(50);
    expect(sheet.totals).toMatchObject({ present: 50, sick: 3, sickUncertified: 0, vacation: 9, family: 2, unmarked: 2, unexcused: 4, overLimitChildren: 1 });
    expect(sheet.totals.presentByDay.slice(0, 8)).toEqual([3, 3, 2, 2, 0, 0, 2, 2]);
    expect(sheet.totals.presentByDay[15]).toBe(0);
    expect(sheet.totals.presentByDay[20]).toBe(2);
  });

  it('leaves the days not over yet open instead of calling them unexplained', () => {
    const sheet = buildTabel({ ...input, asOf: '2026-12-10' });
    const yerasyl = sheet.rows[2];
    expect(yerasyl?.marks.slice(7, 11)).toEqual(['family', 'family', 'future', 'future']);
    expect(yerasyl?.totals.unmarked).toBe(0);
    // A planned vacation shows before it starts.
    expect(sheet.rows[1]?.marks[20]).toBe('vacation');
  });

  it('says nothing of the days before the kiosk kept records', () => {
    // Installed on Wednesday 9 December: the 1st–8th hold no records for anyone, and are nobody's absence.
    const sheet = buildTabel({ ...input, recordsSince: '2026-12-09' });
    const yerasyl = sheet.rows[2];
    expect(yerasyl?.marks.slice(0, 11)).toEqual(['present', 'present', 'present', 'present', 'weekend', 'weekend', 'present', 'family', 'family', 'unmarked', 'unmarked']);
    expect(yerasyl?.totals.unmarked).toBe(2);
    // An absence recorded ahead still counts; a day before the records with no absence says nothing.
    const early = buildTabel({ ...input, recordsSince: '2026-12-09', presentDays: new Map(), absences: [] });
    expect(early.rows[0]?.marks.slice(0, 9)).toEqual(['no-records', 'no-records', 'no-records', 'no-records', 'weekend', 'weekend', 'no-records', 'no-records', 'unmarked']);
    // Working days from the 9th: 9–11, 14, 15, 17, 18, 21–25, 28–31 = 16.
    expect(early.rows[0]?.totals.unmarked).toBe(16);
  });

  it('counts a child who came on a day off, and lets the later absence win where two overlap', () => {
    const sheet = buildTabel({
      ...input,
      presentDays: new Map([['alikhan', present('2026-12-05')]]),
      absences: [
        { id: '0009', childId: 'alikhan', firstDate: '2026-12-01', lastDate: '2026-12-02', reason: 'sanatorium', certified: false },
        { id: '0005', childId: 'alikhan', firstDate: '2026-12-01', lastDate: '2026-12-01', reason: 'family', certified: false },
      ],
    });
    const alikhan = sheet.rows[0];
    expect(alikhan?.marks.slice(0, 5)).toEqual(['sanatorium', 'sanatorium', 'unmarked', 'unmarked', 'present']);
    expect(alikhan?.totals.present).toBe(1);
    expect(alikhan?.totals.sanatorium).toBe(2);
  });

  it('flags the limit only when it is exceeded, and a limit of zero flags the first unexcused day', () => {
    expect(buildTabel({ ...input, unexcusedLimit: 4 }).rows[2]?.overLimit).toBe(false);
    const strict = buildTabel({ ...input, unexcusedLimit: 0 });
    expect(strict.rows.map((r) => r.overLimit)).toEqual([false, false, true]);
  });
});

describe('the work calendar', () => {
  it('applies transfers over holidays and weekends', () => {
    const cal = monthCalendar(
      '2026-12',
      [{ date: '2026-12-16', name: 'Тәуелсіздік күні' }],
      [
        { date: '2026-12-19', kind: 'working-day', note: 'перенос' },
        { date: '2026-12-31', kind: 'day-off', note: null },
        { date: '2026-12-16', kind: 'working-day', note: null },
      ],
    );
    expect(cal[18]).toMatchObject({ kind: 'working', transferred: true, label: 'перенос', weekday: 6 });
    expect(cal[30]).toMatchObject({ kind: 'holiday', transferred: true, label: null });
    expect(cal[15]).toMatchObject({ kind: 'working', transferred: true, label: 'Тәуелсіздік күні' });
  });

  it('knows month lengths and leap years', () => {
    expect(monthCalendar('2028-02', [], [])).toHaveLength(29);
    expect(monthCalendar('2027-02', [], [])).toHaveLength(28);
    expect(monthCalendar('2026-11', [], [])[22]).toMatchObject({ date: '2026-11-23', weekday: 1 });
  });
});
