// A history of check-ins written fast for tests and benches: arrivals of the demo children one minute apart, in
// batches of 500 (one transaction each), so a long history is written in seconds, not one fsync per event.
import type BetterSqlite3 from 'better-sqlite3';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { demoRoster } from '../demo/demo-roster.js';
import { AttendanceLog } from '../ledger/attendance-log.js';

const BATCH = 500;

/** Appends `events` arrivals to `deviceId`'s chain, the first a minute after the newest one already there (or at `firstAtMs`). */
export function appendEvents(db: BetterSqlite3.Database, deviceId: string, events: number, firstAtMs = Date.parse('2026-11-02T08:00:00.000+05:00')): void {
  const log = new AttendanceLog(db, deviceId);
  const children = demoRoster().children;
  const start = firstAtMs + (log.newest()?.seq ?? 0) * 60_000;
  for (let done = 0; done < events; done += BATCH) {
    const drafts = Array.from({ length: Math.min(BATCH, events - done) }, (_, i) => ({
      childId: children[(done + i) % children.length]?.id ?? '',
      kind: 'arrival' as const,
      method: 'rfid' as const,
      companionId: null,
      credentialId: null,
      staffId: null,
    }));
    log.append(drafts, toLocalTime(new Date(start + done * 60_000), 300));
  }
}
