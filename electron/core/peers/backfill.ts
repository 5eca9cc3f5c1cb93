// Backfill, once (docs/peers.md §9): this device's past — rows written before its peer log existed, or written
// straight into the tables (the demo's seeded roster and staff) — becomes its peer log, so a machine that joins gets
// the kindergarten's children, staff, cards and days, not only what was written after. The rows are each owning
// folder's to read (ledger/, staff/, roster/, admin/ hand in their pieces from the top, electron/core/peer-backfill.ts,
// as the appliers are handed to the import), so peers/ imports no domain; here only the once, the one transaction and
// the mark.
import type { Database } from 'better-sqlite3';
import type { LocalZone } from '../../../shared/domain/local-time.js';
import { BackfillWriter, type BackfillPiece } from '../ledger/backfill-writer.js';
import { peerLogOf } from '../ledger/peer-log.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

export interface BackfillOutcome {
  /** Rows appended now (0 when there was nothing to add). */
  rows: number;
  /** Rows appended by each piece, by its name. */
  byPiece: Record<string, number>;
}

export interface BackfillOptions {
  nowMs: number;
  /** The kindergarten's zone (fresh city bodies carry a local time with its offset); none: the machine's own. */
  zone?: LocalZone;
}

/** Whether this database's past was already turned into its peer log. */
export function backfillDone(db: Database): boolean {
  return new SyncStateStore(db).get(SYNC_KEYS.peerBackfill) !== null;
}

/**
 * Runs the pieces in order in one IMMEDIATE transaction and marks the database done, once: null when it was done
 * before, or when no peer log is bound (no device key: it runs at the next start that has one). A piece that throws
 * undoes the whole backfill and the mark, so the next start tries again from nothing.
 */
export function runBackfill(db: Database, pieces: readonly (readonly [string, BackfillPiece])[], options: BackfillOptions): BackfillOutcome | null {
  const log = peerLogOf(db);
  if (log === null || backfillDone(db)) return null;
  return db
    .transaction((): BackfillOutcome | null => {
      // Asked again inside the write lock: a second connection (a tool, a test) may have finished it meanwhile.
      if (backfillDone(db)) return null;
      const out = new BackfillWriter(db, log, options.nowMs, options.zone);
      const byPiece: Record<string, number> = {};
      for (const [name, piece] of pieces) {
        const before = out.rows;
        piece(db, out);
        byPiece[name] = out.rows - before;
      }
      out.finish();
      new SyncStateStore(db).set(SYNC_KEYS.peerBackfill, JSON.stringify({ rows: out.rows, atMs: Math.trunc(options.nowMs) }));
      return { rows: out.rows, byPiece };
    })
    .immediate();
}
