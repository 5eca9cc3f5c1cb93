// The full check of the database, run after start-up off the door's thread: SQLite's integrity check over every page
// and index, then the walk over this device's whole chain from its first event. Its own read-only connection: it
// never writes and never holds the door's write lock.
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { chainStartOf } from './archive/archive-boundaries.js';
import { CANONICAL_EVENT_SQL, eventHash, GENESIS_HASH, sha256Hex, type ChainCheck, type ChainedFields, type WalkStart } from './event-chain.js';

export const AuditRequestSchema = z.lazy(() => z.object({
  databasePath: z.string(),
  deviceId: z.string(),
  nativeBinding: z.string().nullable(),
}));
export type AuditRequest = z.infer<typeof AuditRequestSchema>;

export const AuditOutcomeSchema = z.lazy(() => z.discriminatedUnion('kind', [
  /** SQLite found the file damaged: the door must stop trusting it. */
  z.object({ kind: z.literal('damaged'), detail: z.string() }),
  /** The file is whole; `chain` is the walk's result and `through` the newest event it proved (null: none). */
  z.object({
    kind: z.literal('checked'),
    chain: z.object({ intact: z.boolean(), events: z.number().int().nonnegative(), brokenAtSeq: z.number().int().nullable() }),
    through: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }).nullable(),
  }),
  /** The check could not run (the file locked or gone): nothing is known. */
  z.object({ kind: z.literal('failed'), detail: z.string() }),
]));
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

const MAX_REPORTED_PROBLEMS = 5;

/** The chained columns only, in a fixed order: a walk reads a million of them. */
const CHAIN_COLUMNS = 'id, device_id, device_seq, child_id, kind, method, companion_id, credential_id, staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash';

/**
 * SQLite's integrity check over every page and index: null when whole, else the first problems it found. It looks
 * every row up in each index, so it wants the indexes' upper pages cached: better-sqlite3 builds SQLite with a
 * 16,000 KiB default page cache (SQLITE_DEFAULT_CACHE_SIZE in its deps/defines.gypi), about the backup's 16 MB, not
 * SQLite's own 2 MB (with 2 MB the check spends 14–16 s in system calls on the million-event fixture, 0.9 s with 16 MB).
 */
export function integrityProblems(db: BetterSqlite3.Database): string | null {
  const lines = (db.pragma(`integrity_check(${MAX_REPORTED_PROBLEMS})`, { simple: false }) as { integrity_check: string }[]).map((r) => r.integrity_check);
  return lines.length === 1 && lines[0] === 'ok' ? null : lines.join('; ');
}

/**
 * The walk over this device's whole chain in this file: from its first event, or, once years went to archive files,
 * from the newest archive boundary's head hash (the archived segments are proven in their own files). `through`: the
 * newest event it proved (null: none).
 */
/** Rows walked between two calls of a walk's `between` hook (a backup's wait for the door: backup/door-quiet.ts). */
const ROWS_BETWEEN = 4096;

export function walkOwnChain(
  db: BetterSqlite3.Database,
  deviceId: string,
  between?: () => void,
): { chain: ChainCheck; through: { seq: number; hash: string } | null } {
  return walkChainAfter(db, deviceId, chainStartOf(db, deviceId) ?? { seq: 0, hash: GENESIS_HASH }, between);
}

/**
 * verifyChain's walk from just after `from`, reading each event as its seq, links and canonical text
 * (CANONICAL_EVENT_SQL) rather than as a fourteen-field object: about a third of the CPU over a million events.
 */
function walkChainAfter(db: BetterSqlite3.Database, deviceId: string, from: WalkStart, between?: () => void): { chain: ChainCheck; through: { seq: number; hash: string } | null } {
  // One statement: one read snapshot, so the door's appends meanwhile neither show up half-way nor get in the way.
  const rows = db
    .prepare<[string, number], [number, string, string, string]>(
      `SELECT device_seq, prev_hash, hash, ${CANONICAL_EVENT_SQL} FROM attendance_events WHERE device_id = ? AND device_seq > ? ORDER BY device_seq`,
    )
    .raw(true)
    .iterate(deviceId, from.seq);
  const whole = db.prepare<[string, number], ChainedFields & { hash: string }>(`SELECT ${CHAIN_COLUMNS} FROM attendance_events WHERE device_id = ? AND device_seq = ?`);
  const hashes = (seq: number, text: string, stored: string): boolean => {
    if (sha256Hex(text) === stored) return true;
    // SQLite's text differs from JSON.stringify's (an escape of its own): the definition decides.
    const event = whole.get(deviceId, seq);
    return event !== undefined && eventHash(event) === stored;
  };
  let prev = from.hash;
  let expected = from.seq + 1;
  for (const [seq, prevHash, hash, text] of rows) {
    if (seq !== expected || prevHash !== prev || !hashes(seq, text, hash)) {
      return { chain: { intact: false, events: expected - 1, brokenAtSeq: seq }, through: null };
    }
    prev = hash;
    expected += 1;
    if (between && expected % ROWS_BETWEEN === 0) between();
  }
  const events = expected - 1;
  return { chain: { intact: true, events, brokenAtSeq: null }, through: events > from.seq ? { seq: events, hash: prev } : null };
}

export function auditDatabase(request: AuditRequest): AuditOutcome {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(request.databasePath, {
      readonly: true,
      fileMustExist: true,
      ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}),
    });
    db.pragma('busy_timeout = 5000');
    const problems = integrityProblems(db);
    if (problems) return { kind: 'damaged', detail: problems };
    return { kind: 'checked', ...walkOwnChain(db, request.deviceId) };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const detail = error instanceof Error ? error.message : String(error);
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return { kind: 'damaged', detail };
    return { kind: 'failed', detail };
  } finally {
    db?.close();
  }
}
