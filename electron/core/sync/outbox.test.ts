import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttendanceRecordSchema } from '../../../shared/sync/protocol.js';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AttendanceLog, type ForeignEvent } from '../ledger/attendance-log.js';
import { eventHash, GENESIS_HASH } from '../ledger/event-chain.js';
import { RosterStore } from '../roster/roster-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { OutboxStore } from '../ledger/outbox-store.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

const AT = toLocalTime(new Date('2026-11-23T03:12:00.000Z'), 300);
const [first, second] = demoRoster().children;

function kiosk() {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  new RosterStore(db).seed(demoRoster());
  const log = new AttendanceLog(db, 'kiosk-1');
  return { db, log, outbox: new OutboxStore(db) };
}

const draft = (childId: string) => ({ childId, kind: 'arrival' as const, method: 'rfid' as const, companionId: null, credentialId: null, staffId: null });

describe('the outbox beside the attendance log', () => {
  it('queues every event the log writes, in order, as the exact protocol record', () => {
    const { db, log, outbox } = kiosk();
    new SyncStateStore(db).setInt(SYNC_KEYS.clockOffsetMs, -1234);
    const events = log.append([draft(first?.id ?? ''), draft(second?.id ?? '')], AT);
    const rows = outbox.nextPending(10);
    expect(rows.map((r) => r.record_id)).toEqual(events.map((e) => e.id));
    const record = AttendanceRecordSchema.parse(JSON.parse(rows[1]?.body ?? ''));
    expect(record).toMatchObject({ id: events[1]?.id, deviceId: 'kiosk-1', deviceSeq: 2, prevHash: events[0]?.hash, hash: events[1]?.hash, clockOffsetMs: -1234 });
    expect(db.prepare('SELECT clock_offset_ms FROM attendance_events ORDER BY device_seq').pluck().all()).toEqual([-1234, -1234]);
    expect(outbox.pendingCount()).toBe(2);
  });

  it('writes no event when its outbox row cannot be written: both or neither', () => {
    const { db, log, outbox } = kiosk();
    db.exec("CREATE TEMP TRIGGER outbox_full BEFORE INSERT ON sync_outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => log.append([draft(first?.id ?? '')], AT)).toThrow(/disk full/);
    expect(db.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(0);
    db.exec('DROP TRIGGER outbox_full');
    log.append([draft(first?.id ?? '')], AT);
    expect(db.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(1);
    expect(outbox.pendingCount()).toBe(1);
  });

  it("stores another kiosk's events without queueing them, once, and never one of our own", () => {
    const { db, log, outbox } = kiosk();
    const fields = {
      id: '0190f5d2-7f3a-7c3e-9b1a-0a1b2c3d4e5f',
      device_id: 'kiosk-2',
      device_seq: 1,
      child_id: first?.id ?? '',
      kind: 'arrival',
      method: 'qr',
      companion_id: null,
      credential_id: null,
      staff_id: null,
      occurred_at: AT.iso,
      occurred_ms: AT.ms,
      local_date: AT.localDate,
      prev_hash: GENESIS_HASH,
    };
    const foreign: ForeignEvent = { ...fields, hash: eventHash(fields), clock_offset_ms: 15 };
    expect(log.importForeign([foreign])).toBe(1);
    expect(log.importForeign([foreign])).toBe(0);
    expect(outbox.pendingCount()).toBe(0);
    expect(() => log.importForeign([{ ...foreign, id: '0190f5d2-7f3a-7c3e-9b1a-0a1b2c3d4e60', device_id: 'kiosk-1' }])).toThrow(/own/);
    // Our own chain still starts at 1 and verifies: the foreign row is not part of it.
    log.append([draft(first?.id ?? '')], AT);
    expect(log.verify()).toEqual({ intact: true, events: 1, brokenAtSeq: null });
    expect(db.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(2);
  });

  it('settles only pending rows: a late duplicate answer never turns a rejection into a success', () => {
    const { log, outbox } = kiosk();
    const [a, b] = log.append([draft(first?.id ?? ''), draft(second?.id ?? '')], AT);
    outbox.settle([{ seq: 1, status: 'rejected', reason: 'child not in this kindergarten' }, { seq: 2, status: 'sent' }], 5);
    outbox.settle([{ seq: 1, status: 'sent' }], 6);
    expect(outbox.rejected()).toEqual([{ record_id: a?.id, rejected_reason: 'child not in this kindergarten', queued_ms: AT.ms }]);
    expect(outbox.pendingCount()).toBe(0);
    expect(outbox.requeue([b?.id ?? '', a?.id ?? ''])).toBe(1);
    expect(outbox.nextPending(5).map((r) => r.record_id)).toEqual([b?.id]);
  });
});
