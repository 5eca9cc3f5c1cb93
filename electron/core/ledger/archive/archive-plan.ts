// What the five-year policy makes due, and what archiving one year would move: read from the live database before a
// year is written out, and again inside the transaction that removes it (nothing may have changed in between).
import type { Database } from 'better-sqlite3';
import { GENESIS_HASH } from '../event-chain.js';
import { chainStartOf, type ArchiveCounts } from './archive-boundaries.js';

/** The current year and the five before it stay in the live database (docs/retention.md). */
export const KEEP_YEARS = 5;

export type ArchiveRefusal =
  | 'ARCHIVE_YEAR_NOT_DUE'
  | 'ARCHIVE_OLDER_YEAR_FIRST'
  | 'ARCHIVE_NOT_ACKNOWLEDGED'
  | 'ARCHIVE_HOLDS_CHAIN_HEAD'
  | 'ARCHIVE_YEAR_NOT_CONTIGUOUS';

export interface YearPlan {
  year: number;
  deviceId: string;
  /** This device's segment: seqs firstSeq..lastSeq (empty when lastSeq = firstSeq - 1), chained on from startHash. */
  firstSeq: number;
  lastSeq: number;
  startHash: string;
  counts: ArchiveCounts;
}

export const yearStart = (year: number): string => `${year}-01-01`;
export const yearEnd = (year: number): string => `${year}-12-31`;

/** The oldest year that still has attendance events in the live database, or null when there are none. */
export function oldestLiveYear(db: Database): number | null {
  const first = db.prepare<[], string | null>('SELECT min(local_date) FROM attendance_events').pluck().get() ?? null;
  return first === null ? null : Number(first.slice(0, 4));
}

/** The years the policy makes due on `today` (a local date), oldest first: every live year before the kept ones. */
export function dueYears(db: Database, today: string): number[] {
  const oldest = oldestLiveYear(db);
  const lastDue = Number(today.slice(0, 4)) - KEEP_YEARS - 1;
  if (oldest === null || oldest > lastDue) return [];
  const hasEvents = db.prepare<[string, string], number>('SELECT 1 FROM attendance_events WHERE local_date BETWEEN ? AND ? LIMIT 1').pluck();
  const years: number[] = [];
  for (let year = oldest; year <= lastDue; year += 1) if (hasEvents.get(yearStart(year), yearEnd(year)) !== undefined) years.push(year);
  return years;
}

/**
 * The records of the year (and of any older year: the year archived is always the oldest live one) that are not yet
 * acknowledged by the city: queued or refused. Read from the outbox's unsent rows, which are few on a kiosk in service.
 */
export function unacknowledgedIn(db: Database, year: number): number {
  const end = yearEnd(year);
  return (
    db
      .prepare<{ end: string }, number>(
        `SELECT count(*) FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq
          WHERE o.state IN ('pending', 'rejected') AND (
            EXISTS (SELECT 1 FROM attendance_events e WHERE e.id = o.record_id AND e.local_date <= :end)
            OR EXISTS (SELECT 1 FROM absences a WHERE a.id = o.record_id AND a.last_date <= :end)
            OR EXISTS (SELECT 1 FROM closing_resolutions c WHERE c.id = o.record_id AND c.local_date <= :end)
            OR (o.record_type = 'override-reason'
                AND EXISTS (SELECT 1 FROM attendance_events e WHERE e.id = json_extract(b.body, '$.eventId') AND e.local_date <= :end)))`,
      )
      .pluck()
      .get({ end }) ?? 0
  );
}

/** What leaving the live database would take for the year: the rows the narrowed delete guards allow (migration 0014). */
export function countYear(db: Database, deviceId: string, year: number, firstSeq: number, lastSeq: number): ArchiveCounts {
  const end = yearEnd(year);
  const one = (sql: string, ...params: (string | number)[]): number => db.prepare<(string | number)[], number>(sql).pluck().get(...params) ?? 0;
  return {
    ownEvents: one('SELECT count(*) FROM attendance_events WHERE device_id = ? AND device_seq BETWEEN ? AND ?', deviceId, firstSeq, lastSeq),
    peerEvents: one('SELECT count(*) FROM attendance_events WHERE device_id <> ? AND local_date <= ?', deviceId, end),
    overrideReasons: one(
      'SELECT count(*) FROM override_reasons r JOIN attendance_events e ON e.id = r.event_id WHERE e.device_id = ? AND e.device_seq BETWEEN ? AND ?',
      deviceId,
      firstSeq,
      lastSeq,
    ),
    closingResolutions: one('SELECT count(*) FROM closing_resolutions WHERE local_date <= ?', end),
    absences: one('SELECT count(*) FROM absences WHERE last_date <= ?', end),
  };
}

/**
 * The plan for archiving `year` on `today`, or why not: only a due year, the oldest first, every record of it
 * acknowledged by the city, this device's events of it one unbroken seq range after the previous boundary, and the
 * chain's newest event left in the live database (the anchor and the city's head must still find it).
 */
export function planYear(db: Database, deviceId: string, year: number, today: string): { ok: true; plan: YearPlan } | { ok: false; code: ArchiveRefusal; detail: string } {
  const due = dueYears(db, today);
  if (!due.includes(year)) return { ok: false, code: 'ARCHIVE_YEAR_NOT_DUE', detail: `${year} is not due on ${today} (due: ${due.join(', ') || 'none'})` };
  if (due[0] !== year) return { ok: false, code: 'ARCHIVE_OLDER_YEAR_FIRST', detail: `${due[0]} must be archived before ${year}` };
  const unacknowledged = unacknowledgedIn(db, year);
  if (unacknowledged > 0) return { ok: false, code: 'ARCHIVE_NOT_ACKNOWLEDGED', detail: `${unacknowledged} records of ${year} are not acknowledged by the city` };

  const start = chainStartOf(db, deviceId) ?? { seq: 0, hash: GENESIS_HASH };
  const end = yearEnd(year);
  const range = db
    .prepare<[string, string], { n: number; lo: number | null; hi: number | null }>(
      'SELECT count(*) AS n, min(device_seq) AS lo, max(device_seq) AS hi FROM attendance_events WHERE device_id = ? AND local_date <= ?',
    )
    .get(deviceId, end) ?? { n: 0, lo: null, hi: null };
  const firstSeq = start.seq + 1;
  const lastSeq = range.hi ?? start.seq;
  if (range.n > 0 && (range.lo !== firstSeq || range.n !== lastSeq - start.seq)) {
    return { ok: false, code: 'ARCHIVE_YEAR_NOT_CONTIGUOUS', detail: `this kiosk's events up to ${end} are not seqs ${firstSeq}..${lastSeq} (clock set back?)` };
  }
  const newest = db.prepare<[string], number | null>('SELECT max(device_seq) FROM attendance_events WHERE device_id = ?').pluck().get(deviceId) ?? null;
  if (range.n > 0 && newest === lastSeq) return { ok: false, code: 'ARCHIVE_HOLDS_CHAIN_HEAD', detail: `the chain's newest event (seq ${lastSeq}) is from ${year}` };
  return { ok: true, plan: { year, deviceId, firstSeq, lastSeq, startHash: start.hash, counts: countYear(db, deviceId, year, firstSeq, lastSeq) } };
}
