// The admin folder's pieces of the one-time backfill (docs/peers.md §9), on real SQLite files: transfers set before
// the kiosk had a peer log become one `transfer` per date with the body CalendarTransfers.set appends (a date cleared
// then has no row and no record), and a machine that takes the log in holds the same calendar; never-come counts go
// under the ids the city holds, with the outbox's text while kept and rebuilt to the same record once pruned; a
// second run writes nothing.
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import type { BackfillPiece } from '../ledger/backfill-writer.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { bindTestPeerLog } from '../ledger/testing/peer-log-kit.js';
import { runBackfill } from '../peers/backfill.js';
import { exchange, peerMachine, pinAll, T0, tableText, type PeerMachine } from '../peers/testing/peer-machines.js';
import { RosterStore } from '../roster/roster-store.js';
import { staffRegistersBackfill } from '../staff/backfill.js';
import { staffAppliers } from '../staff/peer-apply.js';
import { tempDataDir } from '../testing/fixtures.js';
import { neverComeCountsBackfill, transfersBackfill } from './backfill.js';
import { CalendarTransfers } from './calendar-transfers.js';
import { NeverComeCounts } from './never-come-counts.js';
import { adminAppliers } from './peer-apply.js';

const ZONE = 300;
const at = (iso: string) => toLocalTime(new Date(iso), ZONE);
const TRANSFERS: readonly (readonly [string, BackfillPiece])[] = [['transfers', transfersBackfill]];
const COUNTS: readonly (readonly [string, BackfillPiece])[] = [['never-come-counts', neverComeCountsBackfill]];

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function demoFile(): Database {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  opened.push(db);
  new RosterStore(db).seed(demoRoster());
  return db;
}

/** The admin's calendar for December 2026: a Saturday made a working day, a day off with no note, one set and cleared. */
function setCalendar(db: Database): void {
  const transfers = new CalendarTransfers(db, new AdminAudit(db));
  transfers.set('staff-admin', '2026-12-12', 'working-day', 'перенос с 2 января', at('2026-11-20T10:00:00+05:00'));
  transfers.set('staff-admin', '2026-12-31', 'day-off', '', at('2026-11-20T10:01:00+05:00'));
  transfers.set('staff-admin', '2026-12-26', 'working-day', null, at('2026-11-20T10:02:00+05:00'));
  transfers.set('staff-admin', '2026-12-26', null, null, at('2026-11-20T10:03:00+05:00'));
}

const bodiesOf = (db: Database, kind: string): string[] =>
  db.prepare<[string], { body: string }>('SELECT body FROM peer_log WHERE kind = ? ORDER BY seq').all(kind).map((r) => r.body);

describe('transfers in the backfill', () => {
  it('restates each date held with the body the live writer appends, a cleared date with none, and a second run nothing', () => {
    const door = demoFile();
    setCalendar(door);
    bindTestPeerLog(door, 'door-past', () => T0, 0x51);
    expect(runBackfill(door, TRANSFERS, { nowMs: T0 })?.byPiece).toEqual({ transfers: 2 });

    // The same acts with the peer log on: the records the live writer appends for the two dates that stand.
    const live = demoFile();
    bindTestPeerLog(live, 'door-live', () => T0, 0x52);
    setCalendar(live);
    const standing = bodiesOf(live, 'transfer').filter((b) => !b.includes('2026-12-26'));
    expect(bodiesOf(door, 'transfer')).toEqual(standing);

    door.prepare('DELETE FROM sync_state WHERE key = ?').run(SYNC_KEYS.peerBackfill);
    expect(runBackfill(door, TRANSFERS, { nowMs: T0 + 1000 })).toMatchObject({ rows: 0 });
  });

  it('gives a machine that takes the log in the same calendar', () => {
    const db = demoFile();
    setCalendar(db);
    const log = bindTestPeerLog(db, 'door-past', () => T0, 0x53);
    // A transfer names its admin: the staff accounts go first, as in the whole backfill.
    runBackfill(db, [['staff', staffRegistersBackfill], ...TRANSFERS], { nowMs: T0 });
    const door: PeerMachine = { db, log, deviceId: 'door-past', seed: 0x53, clock: { ms: T0 } };
    const office = peerMachine(0x54, { empty: true });
    opened.push(office.db);
    pinAll([door, office]);
    exchange([door, office], { ...ledgerAppliers, ...staffAppliers, ...adminAppliers });
    expect(tableText(office.db, 'SELECT waits_for FROM peer_waiting')).toBe('[]');
    const sql = 'SELECT date, kind, note, staff_id, set_at, set_ms FROM calendar_transfers ORDER BY date';
    expect(tableText(office.db, sql)).toBe(tableText(db, sql));
    expect(tableText(office.db, 'SELECT count(*) AS n FROM calendar_transfers')).toBe('[{"n":2}]');
  });
});

describe('never-come counts in the backfill', () => {
  /** October's count, drawn on 1 November by an enrolled door with no peer log: one child listed in one group. */
  function counted(): { db: Database; queued: string } {
    const db = demoFile();
    new SyncStateStore(db).set(SYNC_KEYS.serverUrl, 'https://city.example');
    const child = demoRoster().children[0];
    if (child === undefined) throw new Error('the demo has children');
    const counts = new NeverComeCounts({
      db,
      deviceId: 'door-past',
      list: () => [{ childId: child.id, firstName: child.firstName, lastName: child.lastName, groupId: child.groupId, groupName: '', schoolDays: 12, atLeast: false, lastSeen: null }],
      afterDays: () => 10,
      recordsSince: () => '2026-01-01',
      isDoor: () => true,
    });
    const record = counts.countIfDue(at('2026-11-01T08:00:00+05:00'));
    expect(record?.month).toBe('2026-10');
    const queued = db.prepare<[], { body: string }>("SELECT b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'never-come-count'").get();
    return { db, queued: queued?.body ?? '' };
  }

  it("goes under the id the city holds with the outbox's text, and a second run writes nothing", () => {
    const { db, queued } = counted();
    bindTestPeerLog(db, 'door-past', () => T0, 0x55);
    expect(runBackfill(db, COUNTS, { nowMs: T0 })?.byPiece).toEqual({ 'never-come-counts': 1 });
    const [row] = db.prepare<[], { record_id: string; body: string }>("SELECT record_id, body FROM peer_log WHERE kind = 'never-come-count'").all();
    expect(row?.record_id).toBe(db.prepare<[], { record_id: string }>('SELECT record_id FROM never_come_counts').get()?.record_id);
    expect(row?.body).toBe(queued);
    db.prepare('DELETE FROM sync_state WHERE key = ?').run(SYNC_KEYS.peerBackfill);
    expect(runBackfill(db, COUNTS, { nowMs: T0 + 1000 })).toMatchObject({ rows: 0 });
  });

  it('is rebuilt from its row to the record queued once the outbox has pruned it', () => {
    const { db, queued } = counted();
    db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 1").run();
    db.prepare('DELETE FROM sync_outbox').run();
    bindTestPeerLog(db, 'door-past', () => T0, 0x56);
    runBackfill(db, COUNTS, { nowMs: T0 });
    expect(bodiesOf(db, 'never-come-count').map((b) => JSON.parse(b) as unknown)).toEqual([JSON.parse(queued)]);
  });
});
