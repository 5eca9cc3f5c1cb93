// A real records file for the backup tests: the demo kindergarten and `events` chained events of one device, written
// through the ledger as the door writes them.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../db/open-database.js';
import { demoRoster } from '../../demo/demo-roster.js';
import { ensureDeviceId } from '../../ledger/attendance-log.js';
import { RosterStore } from '../../roster/roster-store.js';
import { appendEvents } from '../../testing/history.js';

export const DB_FILE = 'esik.sqlite';

export function recordsFile(dataDir: string, events: number): { path: string; deviceId: string } {
  const path = join(dataDir, DB_FILE);
  const db = openDatabase(path);
  try {
    new RosterStore(db).seed(demoRoster());
    const deviceId = ensureDeviceId(db, new Date('2026-11-02T03:00:00Z'));
    appendEvents(db, deviceId, events);
    return { path, deviceId };
  } finally {
    db.close();
  }
}

/** Rewrites one event (an arrival made a departure) the way someone with the sqlite3 tool would (its guard trigger dropped and put back). */
export function tamperEvent(path: string, seq: number): void {
  const db = new BetterSqlite3(path);
  try {
    const trigger = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'attendance_events_no_update'").get();
    db.exec('DROP TRIGGER attendance_events_no_update');
    db.prepare("UPDATE attendance_events SET kind = 'departure' WHERE device_seq = ?").run(seq);
    if (trigger) db.exec(trigger.sql);
  } finally {
    db.close();
  }
}
