// Another door's tap applied at this one (ledger/peer-apply.ts applyAttendance) over real SQLite files: written with
// its door's ids, seq and hash; the same event again is nothing more; another event under its id or at its place is a
// fork; naming someone the roster here lacks waits for them, and the page's transaction goes on with the rows after it.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import type { PeerRecord } from '../../../shared/peers/peer-record.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { RosterStore } from '../roster/roster-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { AttendanceLog } from './attendance-log.js';
import { applyAttendance } from './peer-apply.js';
import { heldRecordsAfter } from './peer-log.js';
import { bindTestPeerLog } from './testing/peer-log-kit.js';

const T0 = 1_795_403_523_120;
const DOOR_A = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const AT = localTimeOn('2026-11-23', '08:12', 'Asia/Almaty');

function door(): Database {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  new RosterStore(db).seed(demoRoster());
  return db;
}

/** Taps at door A as its peer log serves them (attendance with its event). */
function tapsAtA(...childIds: string[]): PeerRecord[] {
  const db = door();
  bindTestPeerLog(db, DOOR_A, () => T0);
  new AttendanceLog(db, DOOR_A).append(
    childIds.map((childId) => ({ childId, kind: 'arrival' as const, method: 'rfid' as const, companionId: 'cp0001', credentialId: null, staffId: null })),
    AT,
  );
  const records = heldRecordsAfter(db, DOOR_A, 0, 10);
  db.close();
  return records;
}

function eventOf(record: PeerRecord | undefined): NonNullable<PeerRecord['event']> {
  if (record?.event === undefined) throw new Error('no attendance record');
  return record.event;
}

const rowsOf = (db: Database) => db.prepare('SELECT id, device_id, device_seq, child_id, hash FROM attendance_events WHERE device_id = ? ORDER BY device_seq').all(DOOR_A);

describe("another door's tap applied here", () => {
  it('is written with its door’s id, seq and hash; the same event again adds nothing', () => {
    const [record] = tapsAtA('ch0001');
    const event = eventOf(record);
    const db = door();
    if (record === undefined) throw new Error('no record');
    expect(db.transaction(() => applyAttendance(db, record))()).toEqual({ outcome: 'applied', children: ['ch0001'] });
    expect(rowsOf(db)).toEqual([{ id: event.id, device_id: DOOR_A, device_seq: 1, child_id: 'ch0001', hash: event.hash }]);
    expect(db.transaction(() => applyAttendance(db, record))()).toEqual({ outcome: 'applied' });
    expect(rowsOf(db)).toHaveLength(1);
  });

  it('refuses as a fork another hash under a held id, and another event at a held (device, seq)', () => {
    const [record] = tapsAtA('ch0001');
    if (record === undefined) throw new Error('no record');
    const event = eventOf(record);
    const db = door();
    db.transaction(() => applyAttendance(db, record))();
    const otherHash = { ...record, event: { ...event, hash: 'f'.repeat(64) } };
    expect(db.transaction(() => applyAttendance(db, otherHash))()).toMatchObject({ outcome: 'refused', code: 'PEER_FORK', why: `event ${event.id} is held with another hash` });
    const otherId = '0196f3a2-7c1e-7b3a-9d4e-2f6a8b1c0d99';
    const samePlace = { ...record, id: otherId, event: { ...event, id: otherId, childId: 'ch0002' } };
    expect(db.transaction(() => applyAttendance(db, samePlace))()).toMatchObject({ outcome: 'refused', code: 'PEER_FORK', why: `${DOOR_A}'s event 1 is held as ${event.id}` });
    expect(rowsOf(db)).toHaveLength(1);
  });

  it('waits for a child, a companion, a card or a staff member the roster here lacks, writing nothing', () => {
    const [record] = tapsAtA('ch0001');
    if (record === undefined) throw new Error('no record');
    const event = eventOf(record);
    const db = door();
    const naming = (over: Partial<typeof event>) => ({ ...record, event: { ...event, ...over } });
    const cases: [Partial<typeof event>, string][] = [
      [{ childId: 'ch-new' }, 'child:ch-new'],
      [{ companionId: 'cp-new' }, 'companion:cp-new'],
      [{ credentialId: 'cr-new' }, 'credential:cr-new'],
      [{ staffId: 'st-new' }, 'staff:st-new'],
    ];
    for (const [over, waitsFor] of cases) expect(db.transaction(() => applyAttendance(db, naming(over)))()).toEqual({ outcome: 'waiting', waitsFor });
    expect(rowsOf(db)).toEqual([]);
  });

  it('leaves the page’s transaction whole after a refused insert: the rows after it are written with it', () => {
    const [first, second, third] = tapsAtA('ch0001', 'ch0002', 'ch0003');
    if (first === undefined || second === undefined || third === undefined) throw new Error('no records');
    const db = door();
    db.transaction(() => applyAttendance(db, first))();
    const waiting = { ...second, event: { ...eventOf(second), childId: 'ch-new' } };
    const outcomes = db.transaction(() => [first, waiting, third].map((r) => applyAttendance(db, r).outcome))();
    expect(outcomes).toEqual(['applied', 'waiting', 'applied']);
    expect(rowsOf(db).map((r) => (r as { device_seq: number }).device_seq)).toEqual([1, 3]);
  });

  it('throws what is no question of held places or missing people (a trigger refuses the row), so the page is not taken', () => {
    const [record] = tapsAtA('ch0001');
    if (record === undefined) throw new Error('no record');
    const db = door();
    db.exec("CREATE TRIGGER refuse_all BEFORE INSERT ON attendance_events BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    expect(() => db.transaction(() => applyAttendance(db, record))()).toThrow(/disk says no/);
    expect(rowsOf(db)).toEqual([]);
  });
});
