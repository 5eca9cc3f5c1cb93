import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AttendanceRecord, PeersReply } from '../../../shared/sync/protocol.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AttendanceLog, ensureDeviceId } from '../ledger/attendance-log.js';
import { eventHash, GENESIS_HASH, type ChainedFields } from '../ledger/event-chain.js';
import { RosterStore } from '../roster/roster-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { importPeerRecords, PeersRejectedError } from './peer-import.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

const NOW = new Date('2026-11-23T03:12:00.000Z');
const OTHER = 'dev-second-entrance';

function kiosk(): { db: Database; log: AttendanceLog; state: SyncStateStore } {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  onTestFinished(() => {
    db.close();
  });
  new RosterStore(db).seed(demoRoster());
  return { db, log: new AttendanceLog(db, ensureDeviceId(db, NOW)), state: new SyncStateStore(db) };
}

/** The other door's chain: each record links to the previous one, hashed as the kiosk hashes its own. */
function chain(deviceId: string, children: readonly string[], change: (f: ChainedFields, i: number) => ChainedFields = (f) => f): AttendanceRecord[] {
  let prev = GENESIS_HASH;
  return children.map((childId, i) => {
    const fields = change(
      {
        id: uuidv7(),
        device_id: deviceId,
        device_seq: i + 1,
        child_id: childId,
        kind: 'arrival',
        method: 'override',
        companion_id: null,
        credential_id: null,
        staff_id: 'staff-duty',
        occurred_at: '2026-11-23T08:12:00.000+05:00',
        occurred_ms: NOW.getTime() + i,
        local_date: '2026-11-23',
        prev_hash: prev,
      },
      i,
    );
    const hash = eventHash(fields);
    prev = hash;
    return {
      type: 'attendance',
      id: fields.id,
      deviceId: fields.device_id,
      deviceSeq: fields.device_seq,
      childId: fields.child_id,
      kind: 'arrival',
      method: 'override',
      companionId: fields.companion_id,
      credentialId: fields.credential_id,
      staffId: fields.staff_id,
      occurredAt: fields.occurred_at,
      occurredMs: fields.occurred_ms,
      localDate: fields.local_date,
      prevHash: fields.prev_hash,
      hash,
      clockOffsetMs: null,
    };
  });
}

const page = (records: AttendanceRecord[], cursor = 'p1'): PeersReply => ({ cursor, records });
const count = (db: Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

describe('importing the other kiosks\' records', () => {
  it('stores them with their own device, sequence and hash, with no outbox row, once', () => {
    const { db, log, state } = kiosk();
    const records = chain(OTHER, ['ch0001', 'ch0002', 'ch0003']);
    const context = { ownDeviceIds: [log.deviceId, 'dev-me'], pageSize: 3 };
    expect(importPeerRecords(db, log, page(records), context)).toEqual({ cursor: 'p1', added: 3, alreadyHeld: 0, skipped: [], full: true });
    expect(importPeerRecords(db, log, page(records, 'p2'), context)).toMatchObject({ cursor: 'p2', added: 0, alreadyHeld: 3 });
    expect(count(db, `SELECT count(*) AS n FROM attendance_events WHERE device_id = '${OTHER}'`)).toBe(3);
    expect(count(db, 'SELECT count(*) AS n FROM sync_outbox')).toBe(0);
    expect(state.get(SYNC_KEYS.peersCursor)).toBe('p2');
    expect(log.lastEventOn('ch0002', '2026-11-23')).toEqual({ kind: 'arrival', occurredAt: '2026-11-23T08:12:00.000+05:00' });
    // This kiosk's own chain is still empty and intact: foreign rows are not part of it.
    expect(log.verify()).toEqual({ intact: true, events: 0, brokenAtSeq: null });
  });

  it('leaves out what it must not store, with the reason, and takes the rest', () => {
    const { db, log } = kiosk();
    const good = chain(OTHER, ['ch0001']);
    const own = chain('dev-me', ['ch0002']);
    const tampered = chain('dev-third', ['ch0003']).map((r) => ({ ...r, childId: 'ch0004' }));
    const stranger = chain('dev-fourth', ['ch-nobody']);
    // Another record at the place the good one took: a forked chain.
    const fork = chain(OTHER, ['ch0005']);
    const result = importPeerRecords(db, log, page([...good, ...own, ...tampered, ...stranger, ...fork]), { ownDeviceIds: [log.deviceId, 'dev-me'], pageSize: 1000 });
    expect(result.added).toBe(1);
    expect(result.full).toBe(false);
    expect(result.skipped).toEqual([
      { id: own[0]?.id, reason: 'own-device' },
      { id: tampered[0]?.id, reason: 'hash-mismatch' },
      { id: stranger[0]?.id, reason: 'unknown-child' },
      { id: fork[0]?.id, reason: 'forked-chain' },
    ]);
  });

  it('refuses a reply that does not match the protocol, keeping the cursor', () => {
    const { db, log, state } = kiosk();
    state.set(SYNC_KEYS.peersCursor, 'p0');
    const broken = { cursor: 'p1', records: [{ ...chain(OTHER, ['ch0001'])[0], hash: 'not-a-hash' }] };
    expect(() => importPeerRecords(db, log, broken, { ownDeviceIds: [log.deviceId], pageSize: 1000 })).toThrow(PeersRejectedError);
    expect(state.get(SYNC_KEYS.peersCursor)).toBe('p0');
    expect(count(db, 'SELECT count(*) AS n FROM attendance_events')).toBe(0);
  });
});
