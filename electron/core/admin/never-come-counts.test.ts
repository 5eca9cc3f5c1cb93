// The month's never-come count for the city: drawn once a month has ended, as of its last day, queued once with its
// row however often it is checked or the kiosk starts, and not at all by a kiosk no city enrolled.
import { describe, expect, it } from 'vitest';
import { SyncRecordSchema } from '../../../shared/sync/protocol.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { at, value } from './testing/admin-kit.js';
import { december } from './testing/december.js';
import { NeverComeCounts } from './never-come-counts.js';
import { NeverComeFinder } from './never-come-list.js';
import { monthCountsOf } from './tabel-service.js';

const dec = (d: string, hhmm = '08:10') => `2026-12-${d}T${hhmm}:00.000+05:00`;

function scene() {
  const kit = december();
  const duty = kit.accounts.member('duty');
  if (!duty) throw new Error('kit staff missing');
  // Інжу: there 1–4 December, then nothing. Алиса: there 1–4, sick 9–10 (excused), then nothing.
  for (const d of ['01', '02', '03', '04']) {
    kit.event('inzhu', 'arrival', dec(d));
    kit.event('alisa', 'arrival', dec(d));
  }
  value(kit.staff.markAbsence(duty, { childId: 'alisa', firstDate: '2026-12-09', lastDate: '2026-12-10', reason: 'sick' }, at(dec('09', '09:00'))));
  const counts = () => {
    const tabels = monthCountsOf(kit.db, () => 300);
    const finder = new NeverComeFinder({ db: kit.db, tabels, afterDays: () => kit.settings.get('neverComeAfterDays') });
    return new NeverComeCounts({
      db: kit.db,
      deviceId: kit.deviceId,
      list: (through, asOf) => finder.list(through, asOf),
      afterDays: () => kit.settings.get('neverComeAfterDays'),
      recordsSince: () => tabels.recordsSince(),
      isDoor: () => kit.settings.get('machineRole') === 'door',
    });
  };
  const queued = () => kit.db.prepare<[], { body: string }>("SELECT b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'never-come-count'").all();
  return { ...kit, counts, queued };
}

describe("the month's never-come count for the city", () => {
  it('is drawn as of the month\'s last day once it has ended, per group with the ids, and queued once with its row', () => {
    const kit = scene();
    const counts = kit.counts();
    // Not enrolled with a city: nothing drawn, nothing kept.
    expect(counts.countIfDue(at('2027-01-05T10:00:00.000+05:00'))).toBeNull();
    new SyncStateStore(kit.db).set(SYNC_KEYS.serverUrl, 'https://city.example');
    // Still December: November is before the kiosk's records (1 December), nothing to count.
    expect(counts.countIfDue(at(dec('31', '23:59')))).toBeNull();

    const record = counts.countIfDue(at('2027-01-01T00:05:00.000+05:00'));
    // Through Thursday 31 December: Інжу from the 7th (18 school days), Алиса from the 11th (14).
    expect(record).toMatchObject({
      type: 'never-come-count',
      deviceId: kit.deviceId,
      month: '2026-12',
      afterDays: 10,
      groups: [
        { groupId: 'g1', count: 0, childIds: [] },
        { groupId: 'g2', count: 2, childIds: ['alisa', 'inzhu'] },
      ],
      occurredAt: '2027-01-01T00:05:00.000+05:00',
    });
    expect(SyncRecordSchema.parse(record)).toEqual(record);
    expect(kit.queued().map((r) => JSON.parse(r.body) as unknown)).toEqual([record]);
    expect(kit.db.prepare('SELECT month, record_id, after_days FROM never_come_counts').all()).toEqual([{ month: '2026-12', record_id: record?.id, after_days: 10 }]);

    // Checked again, later in January, or by the kiosk started anew: the month is counted.
    expect(counts.countIfDue(at('2027-01-05T10:00:00.000+05:00'))).toBeNull();
    expect(kit.counts().countIfDue(at('2027-01-31T18:00:00.000+05:00'))).toBeNull();
    expect(kit.queued()).toHaveLength(1);
    // February: January's own count.
    expect(kit.counts().countIfDue(at('2027-02-01T09:00:00.000+05:00'))).toMatchObject({ month: '2027-01' });
    expect(kit.queued()).toHaveLength(2);
  });

  it('is drawn by a door only: the office draws none, and a computer made a door again draws the month then', () => {
    const kit = scene();
    new SyncStateStore(kit.db).set(SYNC_KEYS.serverUrl, 'https://city.example');
    kit.settings.set('machineRole', 'office');
    const counts = kit.counts();
    expect(counts.countIfDue(at('2027-01-02T10:00:00.000+05:00'))).toBeNull();
    expect(kit.queued()).toEqual([]);
    expect(kit.db.prepare('SELECT COUNT(*) AS n FROM never_come_counts').get()).toEqual({ n: 0 });
    kit.settings.set('machineRole', 'door');
    expect(counts.countIfDue(at('2027-01-03T10:00:00.000+05:00'))).toMatchObject({ month: '2026-12' });
    expect(kit.queued()).toHaveLength(1);
  });

  it('keeps the setting of the day it was drawn, and a month with nobody listed is counted at zero', () => {
    const kit = scene();
    new SyncStateStore(kit.db).set(SYNC_KEYS.serverUrl, 'https://city.example');
    kit.settings.set('neverComeAfterDays', 20);
    expect(kit.counts().countIfDue(at('2027-01-02T10:00:00.000+05:00'))).toMatchObject({
      month: '2026-12',
      afterDays: 20,
      groups: [
        { groupId: 'g1', count: 0, childIds: [] },
        { groupId: 'g2', count: 0, childIds: [] },
      ],
    });
  });
});
