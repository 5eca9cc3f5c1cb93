// The full check of the database, run after start-up off the door's thread: SQLite's integrity check over every page
// and index, then the walk over this device's whole chain from its first event. Its own read-only connection: it
// never writes and never holds the door's write lock.
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { verifyChain, type ChainedFields } from './event-chain.js';

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

export function auditDatabase(request: AuditRequest): AuditOutcome {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(request.databasePath, {
      readonly: true,
      fileMustExist: true,
      ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}),
    });
    db.pragma('busy_timeout = 5000');
    const problems = db.pragma(`integrity_check(${MAX_REPORTED_PROBLEMS})`, { simple: false }) as { integrity_check: string }[];
    const lines = problems.map((p) => p.integrity_check);
    if (lines.length !== 1 || lines[0] !== 'ok') return { kind: 'damaged', detail: lines.join('; ') };
    // One statement: one read snapshot, so the door's appends meanwhile neither show up half-way nor get in the way.
    const rows = db
      .prepare<[string], ChainedFields & { hash: string }>('SELECT * FROM attendance_events WHERE device_id = ? ORDER BY device_seq')
      .iterate(request.deviceId);
    const last = { seq: 0, hash: '' };
    const chain = verifyChain(
      (function* () {
        for (const row of rows) {
          yield row;
          last.seq = row.device_seq;
          last.hash = row.hash;
        }
      })(),
    );
    return { kind: 'checked', chain, through: chain.intact && last.seq > 0 ? last : null };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const detail = error instanceof Error ? error.message : String(error);
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return { kind: 'damaged', detail };
    return { kind: 'failed', detail };
  } finally {
    db?.close();
  }
}
