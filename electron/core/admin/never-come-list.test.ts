// Children who never come, found in a real database on December 2026 (Independence Day on Wednesday the 16th, a
// Saturday the admin makes a working day) and on into January 2027 (New Year, Orthodox Christmas), with a child who
// joined mid-month: counted by the табель's marks, so the days are the papers' days.
import { describe, expect, it } from 'vitest';
import { AdminAudit } from '../ledger/admin-audit.js';
import { SyncStateStore } from '../ledger/sync-state.js';
import { RosterEditor } from '../roster/edit/roster-editor.js';
import { at, value } from './testing/admin-kit.js';
import { december } from './testing/december.js';

const dec = (d: string, hhmm = '08:10') => `2026-12-${d}T${hhmm}:00.000+05:00`;

function scene() {
  const kit = december();
  const duty = kit.accounts.member('duty');
  if (!duty) throw new Error('kit staff missing');
  // Інжу: there Tuesday 1 – Friday 4, away for family reasons on the 7th and 8th (unexcused), then nothing at all.
  for (const d of ['01', '02', '03', '04']) kit.event('inzhu', 'arrival', dec(d));
  value(kit.staff.markAbsence(duty, { childId: 'inzhu', firstDate: '2026-12-07', lastDate: '2026-12-08', reason: 'family' }, at(dec('07', '09:00'))));
  // Алиса: there the same days, sick Wednesday 9 – Thursday 10 (within the 3 days allowed without a certificate:
  // excused), then nothing: her run begins on the 11th.
  for (const d of ['01', '02', '03', '04']) kit.event('alisa', 'arrival', dec(d));
  const illness = value(kit.staff.markAbsence(duty, { childId: 'alisa', firstDate: '2026-12-09', lastDate: '2026-12-10', reason: 'sick' }, at(dec('09', '09:00'))));
  // Томирис joins Балапан on Wednesday the 9th and never comes.
  const editor = new RosterEditor({ db: kit.db, audit: new AdminAudit(kit.db), deviceId: kit.deviceId, settings: kit.settings, sync: new SyncStateStore(kit.db) });
  const tomiris = { id: 'tomiris', groupId: 'g1', firstName: 'Томирис', lastName: 'Әбенова' };
  value(editor.apply('head', 'console', [{ kind: 'child', child: tomiris, joinedOn: '2026-12-09' }], at(dec('08', '17:00'))));
  return { ...kit, illness };
}

const rows = (kit: ReturnType<typeof scene>, through: string, asOf = through) =>
  kit.admin.neverComeAsOf(through, asOf).map((c) => [c.groupName, c.firstName, c.schoolDays, c.lastSeen, c.atLeast]);

describe('children who never come', () => {
  it('counts school days back from today across the holiday and a transferred Saturday, from a mid-month enrolment, broken by an excused illness', async () => {
    const kit = scene();
    const sessionId = await kit.signIn();
    // Without the transfer, on Wednesday 23 December (today not over, so not counted): Інжу 7–22 less the holiday is
    // 11 school days (her family days count); Томирис 9–22 is 9, under the 10; Алиса 11–22 is 7.
    expect(rows(kit, '2026-12-23')).toEqual([['Жұлдыз', 'Інжу', 11, '2026-12-04', false]]);
    // Saturday the 12th made a working day: one more for each; Томирис reaches 10 and is listed, never seen.
    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-12', kind: 'working-day', note: 'перенос' }));
    expect(rows(kit, '2026-12-23')).toEqual([
      ['Балапан', 'Томирис', 10, null, false],
      ['Жұлдыз', 'Інжу', 12, '2026-12-04', false],
    ]);
    // A day the admin makes a day off is not counted either.
    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-22', kind: 'day-off', note: 'перенос' }));
    expect(rows(kit, '2026-12-23')).toEqual([['Жұлдыз', 'Інжу', 11, '2026-12-04', false]]);
    // At 8: Алиса's 11–21 (7 school days with the Saturday) stay under it; her illness, withdrawn, no longer breaks
    // the run, and it goes back to her last day there: 7–21 December, 11 school days like Інжу's.
    kit.settings.set('neverComeAfterDays', 8);
    const names = () => rows(kit, '2026-12-23').map(([, name, days]) => [name, days]);
    expect(names()).toEqual([
      ['Томирис', 9],
      ['Інжу', 11],
    ]);
    const head = kit.accounts.member('head');
    if (!head) throw new Error('kit admin missing');
    value(kit.staff.correct(head, { type: 'absence', id: kit.illness.absenceId }, 'recorded for the wrong child', at(dec('23', '09:00'))));
    expect(names()).toEqual([
      ['Томирис', 9],
      ['Алиса', 11],
      ['Інжу', 11],
    ]);
  });

  it('answers the console as of the kiosk\'s today, and a child who came today is off the list', async () => {
    const kit = scene();
    const sessionId = await kit.signIn();
    kit.clock.set(dec('23', '10:00'));
    const list = value(kit.call('adminNeverCome', { sessionId }));
    expect(list).toMatchObject({ asOf: '2026-12-23', afterDays: 10 });
    expect(list.children).toEqual([
      { childId: 'inzhu', firstName: 'Інжу', lastName: 'Нұрланова', groupId: 'g2', groupName: 'Жұлдыз', schoolDays: 11, atLeast: false, lastSeen: '2026-12-04' },
    ]);
    kit.event('inzhu', 'arrival', dec('23', '09:55'));
    expect(value(kit.call('adminNeverCome', { sessionId })).children).toEqual([]);
  });

  it('carries a run back into the month before, and counts sick days past the allowance without a certificate', () => {
    const kit = scene();
    const duty = kit.accounts.member('duty');
    if (!duty) throw new Error('kit staff missing');
    // Wednesday 13 January 2027: January's school days so far are the 5th, 6th, 8th, 11th and 12th (the 1st, 4th and
    // 7th are holidays). Інжу: 7–31 December less the holiday (18) and those 5: 23. Томирис: 9–31 December (16) + 5.
    // Алиса: 11–31 December (14) + 5.
    expect(rows(kit, '2027-01-13')).toEqual([
      ['Балапан', 'Томирис', 21, null, false],
      ['Жұлдыз', 'Алиса', 19, '2026-12-04', false],
      ['Жұлдыз', 'Інжу', 23, '2026-12-04', false],
    ]);
    // Ерасыл: sick 5–12 January without a certificate: the 5th, 6th and 8th are allowed (excused), the 11th and 12th
    // are not; a run of 2, listed once the setting is 2.
    value(kit.staff.markAbsence(duty, { childId: 'yerasyl', firstDate: '2027-01-05', lastDate: '2027-01-12', reason: 'sick' }, at('2027-01-05T09:00:00.000+05:00')));
    kit.settings.set('neverComeAfterDays', 2);
    expect(rows(kit, '2027-01-13').filter(([, name]) => name === 'Ерасыл')).toEqual([['Балапан', 'Ерасыл', 2, '2026-12-31', false]]);
    // The month's end as the city's count reads it: through Thursday 31 December, every day of it over.
    kit.settings.set('neverComeAfterDays', 10);
    expect(rows(kit, '2026-12-31', '2027-01-01')).toEqual([
      ['Балапан', 'Томирис', 16, null, false],
      ['Жұлдыз', 'Алиса', 14, '2026-12-04', false],
      ['Жұлдыз', 'Інжу', 18, '2026-12-04', false],
    ]);
  });
});
