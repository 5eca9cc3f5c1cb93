import { describe, expect, it } from 'vitest';
import { december } from './testing/december.js';
import { adminKit, at, value } from './testing/admin-kit.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { SyncStateStore } from '../ledger/sync-state.js';
import { RosterEditor } from '../roster/edit/roster-editor.js';

describe('the табель from the database', () => {
  it('counts the fixture month as done by hand', () => {
    const kit = december();
    const sheet = kit.admin.tabel('g1', '2026-12', '2027-01-05', 'ru');
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
    expect(alikhan?.totals).toEqual({ present: 19, sick: 3, sickUncertified: 0, vacation: 0, sanatorium: 0, family: 0, other: 0, unmarked: 0, unexcused: 0 });
    expect(alikhan?.marks[15]).toBe('holiday');
    expect(ayaru?.totals).toEqual({ present: 13, sick: 0, sickUncertified: 0, vacation: 9, sanatorium: 0, family: 0, other: 0, unmarked: 0, unexcused: 0 });
    expect(yerasyl?.totals).toEqual({ present: 18, sick: 0, sickUncertified: 0, vacation: 0, sanatorium: 0, family: 2, other: 0, unmarked: 2, unexcused: 4 });
    expect(yerasyl?.marks.slice(7, 11)).toEqual(['family', 'family', 'unmarked', 'unmarked']);
    expect(sheet.rows.map((r) => r.overLimit)).toEqual([false, false, true]);
    expect(sheet.totals.childDays).toBe(50);
    expect(kit.admin.tabel('g1', '2026-12', '2027-01-05', 'kk')?.days[15]?.label).toBe('Тәуелсіздік күні');
  });

  it("applies the admin's transfer of a working day, and the unexcused limit from the settings", async () => {
    const kit = december();
    const sessionId = await kit.signIn();
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

    kit.settings.set('unexcusedDaysPerMonth', 4);
    expect(kit.admin.tabel('g1', '2026-12', '2027-01-05', 'ru')?.rows[2]?.overLimit).toBe(false);

    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-31', kind: null }));
    expect(kit.admin.tabel('g1', '2026-12', '2027-01-05', 'ru')?.totals.workingDays).toBe(22);
  });

  it('leaves the rest of the current month open', () => {
    const kit = december();
    const sheet = kit.admin.tabel('g1', '2026-12', '2026-12-10', 'ru');
    const yerasyl = sheet?.rows[2];
    // As of the 10th: the 10th and 11th are not over; nothing recorded there is not yet "no reason".
    expect(yerasyl?.marks.slice(9, 11)).toEqual(['future', 'future']);
    expect(yerasyl?.totals.unexcused).toBe(2);
    // Айару's planned vacation shows ahead.
    expect(sheet?.rows[1]?.marks[20]).toBe('vacation');
  });

  it('says nothing of the days before the kiosk was installed', () => {
    // First started on Wednesday 9 December 2026 at 10:00 in Almaty; the табель read on Tuesday the 15th.
    const kit = adminKit('2026-12-09T05:00:00.000Z');
    const sheet = kit.admin.tabel('g1', '2026-12', '2026-12-15', 'kk');
    expect(sheet?.recordsSince).toBe('2026-12-09');
    const marks = sheet?.rows[0]?.marks ?? [];
    expect(marks.slice(0, 16)).toEqual([
      ...['no-records', 'no-records', 'no-records', 'no-records', 'weekend', 'weekend', 'no-records', 'no-records'],
      ...['unmarked', 'unmarked', 'unmarked', 'weekend', 'weekend', 'unmarked', 'future', 'holiday'],
    ]);
    // Only the 9th, 10th, 11th and 14th went by unexplained: over the limit of 3.
    expect(sheet?.rows[0]?.totals.unmarked).toBe(4);
    expect(sheet?.rows[0]?.overLimit).toBe(true);
  });

  it('refuses an unknown group', () => {
    const kit = adminKit();
    expect(kit.admin.tabel('nope', '2026-12', '2027-01-05', 'ru')).toBeNull();
  });

  it('counts a child who joined on the 10th and left on the 20th only for those days: the rest is blank, not absent', () => {
    const kit = december();
    const editor = new RosterEditor({ db: kit.db, audit: new AdminAudit(kit.db), deviceId: kit.deviceId, settings: kit.settings, sync: new SyncStateStore(kit.db) });
    const tomiris = { id: 'tomiris', groupId: 'g1', firstName: 'Томирис', lastName: 'Әбенова' };
    expect(value(editor.apply('head', 'console', [{ kind: 'child', child: tomiris, joinedOn: '2026-12-10' }], at('2026-12-09T10:00:00.000+05:00')))).toMatchObject({ changed: 1 });
    // There on the 10th, 11th, 14th and 15th; nothing on the 17th and 18th; she leaves after Friday the 18th… on the 20th.
    for (const d of ['10', '11', '14', '15']) kit.event('tomiris', 'arrival', `2026-12-${d}T08:20:00.000+05:00`);
    expect(value(editor.apply('head', 'console', [{ kind: 'child-left', childId: 'tomiris', lastDay: '2026-12-20' }], at('2026-12-21T09:00:00.000+05:00')))).toMatchObject({
      changed: 1,
    });

    const sheet = kit.admin.tabel('g1', '2026-12', '2027-01-05', 'ru');
    const row = sheet?.rows.find((r) => r.childId === 'tomiris');
    // Still in December's табель although she left: the days she was enrolled are hers.
    expect(row?.marks.slice(0, 9)).toEqual(Array(9).fill('not-enrolled'));
    expect(row?.marks.slice(9, 20)).toEqual(['present', 'present', 'weekend', 'weekend', 'present', 'present', 'holiday', 'unmarked', 'unmarked', 'weekend', 'weekend']);
    expect(row?.marks.slice(20)).toEqual(Array(11).fill('not-enrolled'));
    expect(row?.totals).toEqual({ present: 4, sick: 0, sickUncertified: 0, vacation: 0, sanatorium: 0, family: 0, other: 0, unmarked: 2, unexcused: 2 });
    // The group's child-days grow by her 4 days, nothing more.
    expect(sheet?.totals.childDays).toBe(54);
    // November: not yet enrolled, not listed. January: gone, not listed.
    expect(kit.admin.tabel('g1', '2026-11', '2027-01-05', 'ru')?.rows.some((r) => r.childId === 'tomiris')).toBe(false);
    expect(kit.admin.tabel('g1', '2027-01', '2027-01-05', 'ru')?.rows.some((r) => r.childId === 'tomiris')).toBe(false);
  });
});
