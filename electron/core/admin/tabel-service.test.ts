import { describe, expect, it } from 'vitest';
import { adminKit, at, value } from './testing/admin-kit.js';

// December 2026 by hand: Tuesday the 1st; weekends 5–6, 12–13, 19–20, 26–27; Independence Day Wednesday the 16th.
const WORKING = ['01', '02', '03', '04', '07', '08', '09', '10', '11', '14', '15', '17', '18', '21', '22', '23', '24', '25', '28', '29', '30', '31'];
const dec = (d: string, hhmm = '08:10') => `2026-12-${d}T${hhmm}:00.000+05:00`;

/** The fixture month in a real database: taps, absences (one withdrawn), an event on the holiday (withdrawn). */
function december() {
  const kit = adminKit();
  const duty = kit.staff.accounts.member('duty');
  const head = kit.staff.accounts.member('head');
  if (!duty || !head) throw new Error('kit staff missing');
  const cameOn = (childId: string, days: readonly string[]) => {
    for (const d of days) {
      kit.event(childId, 'arrival', dec(d));
      kit.event(childId, 'departure', dec(d, '18:05'));
    }
  };
  const absence = (childId: string, firstDate: string, lastDate: string, reason: 'sick' | 'vacation' | 'family', when: string) =>
    value(kit.staff.absences.mark(duty, { childId, firstDate, lastDate, reason }, at(when)));

  // Әлихан: sick Thursday 3 – Monday 7 (a weekend inside): 3 working days; present on the other 19.
  cameOn('alikhan', WORKING.filter((d) => !['03', '04', '07'].includes(d)));
  absence('alikhan', '2026-12-03', '2026-12-07', 'sick', dec('03', '09:00'));
  // He was recorded on the holiday by mistake; the correction withdraws it.
  const mistake = kit.event('alikhan', 'arrival', dec('16'), { method: 'override', companionId: null, staffId: 'duty' });
  value(kit.staff.corrections.correct(head, { type: 'attendance', id: mistake.id }, 'recorded on the holiday by mistake', at(dec('16', '10:00'))));

  // Айару: vacation 21–31 December, 9 working days; present the other 13.
  cameOn('ayaru', WORKING.filter((d) => d < '21'));
  absence('ayaru', '2026-12-21', '2026-12-31', 'vacation', dec('18', '17:00'));

  // Ерасыл: 'family' on the 8th and 9th; the 10th marked sick by mistake and withdrawn; nothing on the 11th.
  cameOn('yerasyl', WORKING.filter((d) => !['08', '09', '10', '11'].includes(d)));
  absence('yerasyl', '2026-12-08', '2026-12-09', 'family', dec('08', '09:00'));
  const wrong = absence('yerasyl', '2026-12-10', '2026-12-10', 'sick', dec('10', '09:00'));
  value(kit.staff.corrections.correct(head, { type: 'absence', id: wrong.absenceId }, 'no certificate after all', at(dec('10', '12:00'))));
  return kit;
}

describe('the табель from the database', () => {
  it('counts the fixture month as done by hand', () => {
    const kit = december();
    const sheet = kit.admin.tabel.sheet('g1', '2026-12', '2027-01-05', 'ru');
    expect(sheet).not.toBeNull();
    if (!sheet) return;
    expect(sheet.groupName).toBe('Балапан');
    expect(sheet.kindergartenName).toBe('Айгөлек');
    // The Kazakh calendar from date-holidays: the 16th is Independence Day, in the language asked for.
    expect(sheet.days[15]).toMatchObject({ kind: 'holiday', label: 'День независимости' });
    expect(sheet.totals.workingDays).toBe(22);
    // Rows by last name: Жұмабаев, Жұмабаева, Нұрланов.
    expect(sheet.rows.map((r) => r.firstName)).toEqual(['Әлихан', 'Айару', 'Ерасыл']);
    const [alikhan, ayaru, yerasyl] = sheet.rows;
    expect(alikhan?.totals).toEqual({ present: 19, sick: 3, vacation: 0, sanatorium: 0, family: 0, other: 0, unmarked: 0, unexcused: 0 });
    expect(alikhan?.marks[15]).toBe('holiday');
    expect(ayaru?.totals).toEqual({ present: 13, sick: 0, vacation: 9, sanatorium: 0, family: 0, other: 0, unmarked: 0, unexcused: 0 });
    expect(yerasyl?.totals).toEqual({ present: 18, sick: 0, vacation: 0, sanatorium: 0, family: 2, other: 0, unmarked: 2, unexcused: 4 });
    expect(yerasyl?.marks.slice(7, 11)).toEqual(['family', 'family', 'unmarked', 'unmarked']);
    expect(sheet.rows.map((r) => r.overLimit)).toEqual([false, false, true]);
    expect(sheet.totals.childDays).toBe(50);
    expect(kit.admin.tabel.sheet('g1', '2026-12', '2027-01-05', 'kk')?.days[15]?.label).toBe('Тәуелсіздік күні');
  });

  it("applies the admin's transfer of a working day, and the unexcused limit from the settings", () => {
    const kit = december();
    const sessionId = kit.signIn();
    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-31', kind: 'day-off', note: 'Постановление о переносе' }));
    const sheet = value(kit.call('adminTabel', { sessionId, groupId: 'g1', month: '2026-12', language: 'ru' }));
    expect(sheet.totals.workingDays).toBe(21);
    expect(sheet.days[30]).toMatchObject({ kind: 'holiday', transferred: true, label: 'Постановление о переносе' });
    const [alikhan, ayaru] = sheet.rows;
    // Әлихан came on the 31st all the same: a child-day. Айару's vacation no longer counts the 31st.
    expect(alikhan?.marks[30]).toBe('present');
    expect(alikhan?.totals.present).toBe(19);
    expect(ayaru?.marks[30]).toBe('holiday');
    expect(ayaru?.totals.vacation).toBe(8);
    expect(kit.db.prepare("SELECT action FROM admin_audit").all()).toEqual([{ action: 'transfer-set' }]);

    kit.staff.settings.set('unexcusedDaysPerMonth', 4);
    expect(kit.admin.tabel.sheet('g1', '2026-12', '2027-01-05', 'ru')?.rows[2]?.overLimit).toBe(false);

    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-31', kind: null }));
    expect(kit.admin.tabel.sheet('g1', '2026-12', '2027-01-05', 'ru')?.totals.workingDays).toBe(22);
  });

  it('leaves the rest of the current month open', () => {
    const kit = december();
    const sheet = kit.admin.tabel.sheet('g1', '2026-12', '2026-12-10', 'ru');
    const yerasyl = sheet?.rows[2];
    // As of the 10th: the 10th and 11th are not over; nothing recorded there is not yet "no reason".
    expect(yerasyl?.marks.slice(9, 11)).toEqual(['future', 'future']);
    expect(yerasyl?.totals.unexcused).toBe(2);
    // Айару's planned vacation shows ahead.
    expect(sheet?.rows[1]?.marks[20]).toBe('vacation');
  });

  it('refuses an unknown group', () => {
    const kit = adminKit();
    expect(kit.admin.tabel.sheet('nope', '2026-12', '2027-01-05', 'ru')).toBeNull();
  });
});
