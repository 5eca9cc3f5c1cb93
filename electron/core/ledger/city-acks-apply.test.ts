// The city-acks applier over a real SQLite file: acks for this machine mark its own outbox rows as the city answered
// (pending ones only), acks for a relayed door settle that door's relay rows, anyone else's change nothing; a body
// that does not parse refuses the page. And the acks a push appends say what the city said of each record.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { PeerRecord } from '../../../shared/peers/peer-record.js';
import type { AbsenceRecord } from '../../../shared/sync/protocol.js';
import { openDatabase } from '../db/open-database.js';
import { tempDataDir } from '../testing/fixtures.js';
import { cityAcksBody } from './city-acks.js';
import { applyCityAcks } from './city-acks-apply.js';
import { OutboxWriter } from './outbox-store.js';
import { enqueueRelayed } from './relay-outbox-store.js';

const OWN = '0193a1f0-0000-7000-8000-000000000d02';
const RELAYED = '0193a1f0-0000-7000-8000-000000000d01';
const id = (n: number): string => `0196f3a2-7c1e-7b3a-9d4e-${String(n).padStart(12, '0')}`;

function database(): Database {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(OWN, '2026-11-23T08:00:00Z');
  const outbox = new OutboxWriter(db);
  db.transaction(() => {
    for (let n = 1; n <= 4; n += 1) {
      const absence: AbsenceRecord = {
        type: 'absence', id: id(n), deviceId: OWN, childId: 'child-1', firstDate: '2026-11-20', lastDate: '2026-11-20', reason: 'sick',
        certificateNumber: null, certificateDate: null, note: null, staffId: 'staff-1', recordedAt: '2026-11-20T09:00:00+05:00', recordedMs: 1,
      };
      outbox.enqueue(absence, 1);
    }
  })();
  return db;
}

function acksRecord(body: string): PeerRecord {
  const zero = '0'.repeat(64);
  return { deviceId: '0193a1f0-0000-7000-8000-0000000000f1', seq: 1, kind: 'city-acks', id: id(99), hlc: '1795403523120-0000', base: null, prevHash: zero, hash: zero, contentHash: zero, body };
}

const states = (db: Database, table: string) => db.prepare(`SELECT record_id, state, rejected_reason FROM ${table} ORDER BY seq`).all();

describe('city-acks', () => {
  it('marks this machine’s pending rows as the city answered them, and leaves settled ones as they were', () => {
    const db = database();
    db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 5 WHERE record_id = ?").run(id(4));
    const body = cityAcksBody(OWN, { results: [{ id: id(1), status: 'accepted' }, { id: id(2), status: 'duplicate' }, { id: id(3), status: 'rejected', reason: 'x'.repeat(300) }, { id: id(4), status: 'rejected', reason: 'late' }], chainHead: null }, 1_000);
    expect(db.transaction(() => applyCityAcks(db, acksRecord(body ?? '')))()).toEqual({ outcome: 'applied' });
    expect(states(db, 'sync_outbox')).toEqual([
      { record_id: id(1), state: 'sent', rejected_reason: null },
      { record_id: id(2), state: 'sent', rejected_reason: null },
      { record_id: id(3), state: 'rejected', rejected_reason: 'x'.repeat(200) },
      { record_id: id(4), state: 'sent', rejected_reason: null },
    ]);
  });

  it('settles a relayed door’s rows, and touches nothing of this machine’s for another device', () => {
    const db = database();
    db.transaction(() => enqueueRelayed(db, RELAYED, { id: id(7), type: 'absence', body: '{}' }, 1))();
    const body = cityAcksBody(RELAYED, { results: [{ id: id(7), status: 'duplicate' }, { id: id(1), status: 'accepted' }], chainHead: null }, 2_000);
    db.transaction(() => applyCityAcks(db, acksRecord(body ?? '')))();
    expect(states(db, 'relay_outbox')).toEqual([{ record_id: id(7), state: 'sent', rejected_reason: null }]);
    expect(db.prepare("SELECT count(*) FROM sync_outbox WHERE state = 'pending'").pluck().get()).toBe(4);
  });

  it('refuses a body that is not city-acks, and an empty reply appends none', () => {
    const db = database();
    expect(applyCityAcks(db, acksRecord('{"forDevice":'))).toMatchObject({ outcome: 'refused', code: 'PEER_BAD_RECORD' });
    expect(applyCityAcks(db, acksRecord('{"forDevice":"x"}'))).toMatchObject({ outcome: 'refused', code: 'PEER_BAD_RECORD' });
    expect(cityAcksBody(OWN, { results: [], chainHead: null }, 1)).toBeNull();
  });
});
