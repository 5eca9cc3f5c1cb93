// A child back after a long absence is found after the arrival is recorded, counted by the табель's marks on a real
// month (December 2026: Independence Day on the 16th, a Saturday the admin makes a working day), and the staff's word on
// the certificate is attributed, audited and queued for the city.
import { describe, expect, it } from 'vitest';
import { SyncRecordSchema } from '../../../shared/sync/protocol.js';
import { at, value } from '../admin/testing/admin-kit.js';
import { december } from '../admin/testing/december.js';

const dec = (d: string, hhmm = '08:10') => `2026-12-${d}T${hhmm}:00.000+05:00`;
const WORKING_TO_14 = ['01', '02', '03', '04', '07', '08', '09', '10', '11', '14'];

function scene() {
  const kit = december();
  kit.settings.set('returnCheckAfterDays', 4);
  // Інжу: there every working day to Monday 14, nothing on Tuesday 15, the holiday on 16, sick 17–18 without a
  // certificate, the weekend, nothing on Monday 21: back on Tuesday 22 after 4 school days.
  for (const d of WORKING_TO_14) kit.event('inzhu', 'arrival', dec(d));
  value(kit.staff.markAbsence(kit.accounts.member('duty')!, { childId: 'inzhu', firstDate: '2026-12-17', lastDate: '2026-12-18', reason: 'sick' }, at(dec('17', '09:00'))));
  // Алиса: there to Thursday 10, then nothing on Friday 11, Saturday 12 (a working day by the admin's transfer), Monday
  // 14 and Tuesday 15; the holiday; back on Thursday 17: 4 school days with the Saturday, 3 without it.
  for (const d of WORKING_TO_14.filter((d) => d <= '10')) kit.event('alisa', 'arrival', dec(d));
  kit.event('alisa', 'arrival', dec('17'));
  return kit;
}

describe('the certificate check after an absence', () => {
  it('finds a return across a holiday by the табель (sick and unmarked days count), not a short illness, and only after the tap', () => {
    const kit = scene();
    kit.clock.set(dec('22', '08:09'));
    kit.staff.tick();
    // Before she comes: nothing to ask.
    expect(kit.staff.returnChecks(at(dec('22', '08:09')))).toEqual([]);
    kit.event('inzhu', 'arrival', dec('22'));
    kit.clock.set(dec('22', '08:11'));
    kit.staff.tick();
    const checks = kit.staff.returnChecks(at(dec('22', '08:11')));
    // Әлихан and Ерасыл came too (sick Thursday 3 – Monday 7, three days; family reasons end a run): not asked.
    expect(checks.map((c) => [c.childId, c.localDate, c.absentDays, c.lastSeen, c.outcome])).toEqual([['inzhu', '2026-12-22', 4, '2026-12-14', null]]);
    expect(checks[0]).toMatchObject({ firstName: 'Інжу', groupName: 'Жұлдыз' });
    // Another tick, another tap: still one return, kept once.
    kit.event('inzhu', 'departure', dec('22', '18:00'));
    kit.staff.tick();
    expect(kit.staff.returnChecks(at(dec('22', '18:01')))).toHaveLength(1);
  });

  it('counts a Saturday the admin made a working day, and not a day the admin made a day off', async () => {
    const kit = scene();
    const sessionId = await kit.signIn();
    value(kit.call('adminSetTransfer', { sessionId, date: '2026-12-12', kind: 'working-day', note: 'перенос' }));
    kit.clock.set(dec('17', '08:11'));
    kit.staff.tick();
    expect(kit.staff.returnChecks(at(dec('17', '08:12'))).map((c) => [c.childId, c.absentDays, c.lastSeen])).toEqual([['alisa', 4, '2026-12-10']]);

    const other = scene();
    const otherSession = await other.signIn();
    value(other.call('adminSetTransfer', { sessionId: otherSession, date: '2026-12-12', kind: 'working-day', note: 'перенос' }));
    value(other.call('adminSetTransfer', { sessionId: otherSession, date: '2026-12-15', kind: 'day-off', note: 'перенос' }));
    other.clock.set(dec('17', '08:11'));
    other.staff.tick();
    expect(other.staff.returnChecks(at(dec('17', '08:12')))).toEqual([]);
  });

  it('records the certificate seen or missing, attributed, audited and queued; the admin lists the returns without one', () => {
    const kit = scene();
    kit.event('inzhu', 'arrival', dec('22'));
    // Staff open their screens right after the tap: the return is looked for then, without waiting for the tick.
    const [check] = kit.staff.returnChecks(at(dec('22', '08:11')));
    if (!check) throw new Error('no return found');
    const duty = kit.accounts.member('duty')!;
    expect(kit.staff.returnsWithoutCertificate().map((c) => c.id)).toEqual([check.id]);

    const missing = value(kit.staff.markCertificate(duty, check.id, 'missing', at(dec('22', '08:20'))));
    expect(missing.check).toMatchObject({ outcome: 'missing', markedBy: 'Айгерім Омарова', markedAt: '2026-12-22T08:20:00.000+05:00' });
    expect(kit.staff.returnChecks(at(dec('22', '08:21')))).toEqual([]);
    expect(kit.staff.returnsWithoutCertificate().map((c) => [c.childId, c.outcome])).toEqual([['inzhu', 'missing']]);

    // The mother brings it the next day: marked again, the newest wins.
    value(kit.staff.markCertificate(duty, check.id, 'seen', at(dec('23', '08:05'))));
    expect(kit.staff.returnsWithoutCertificate()).toEqual([]);

    const queued = kit.db
      .prepare<[], { body: string }>("SELECT b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'certificate-check' ORDER BY o.seq")
      .all()
      .map((r) => SyncRecordSchema.parse(JSON.parse(r.body)));
    expect(queued.map((r) => (r.type === 'certificate-check' ? [r.childId, r.localDate, r.absentDays, r.outcome, r.staffId] : r.type))).toEqual([
      ['inzhu', '2026-12-22', 4, 'missing', 'duty'],
      ['inzhu', '2026-12-22', 4, 'seen', 'duty'],
    ]);
    const audited = kit.db.prepare<[], { staff_id: string; detail: string }>("SELECT staff_id, detail FROM staff_audit WHERE action = 'certificate-check' ORDER BY rowid").all();
    expect(audited.map((a) => [a.staff_id, JSON.parse(a.detail) as unknown])).toEqual([
      ['duty', { childId: 'inzhu', returnDate: '2026-12-22', absentDays: 4, outcome: 'missing' }],
      ['duty', { childId: 'inzhu', returnDate: '2026-12-22', absentDays: 4, outcome: 'seen' }],
    ]);
    expect(kit.staff.markCertificate(duty, 'no-such-check', 'seen', at(dec('23', '08:06')))).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(() => kit.db.prepare('DELETE FROM certificate_checks').run()).toThrow(/append-only/);
  });
});
