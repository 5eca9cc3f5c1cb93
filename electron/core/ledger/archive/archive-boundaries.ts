// The archive boundaries (table archive_boundaries, migration 0014): which years left the live database for a yearly
// archive file, and where this device's chain goes on from. Read by the chain's walks (start-up, the full check, a
// backup's proof) and by the archive itself; written only by the archive's own transaction.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { WalkStart } from '../event-chain.js';

export const ArchiveCountsSchema = z.object({
  /** This device's events: its chain segment. */
  ownEvents: z.number().int().nonnegative(),
  /** Events of the kindergarten's other kiosks dated in the year. */
  peerEvents: z.number().int().nonnegative(),
  overrideReasons: z.number().int().nonnegative(),
  closingResolutions: z.number().int().nonnegative(),
  /** Absences whose last day is in the year (those reaching into the next year are copied and stay live too). */
  absences: z.number().int().nonnegative(),
});
export type ArchiveCounts = z.infer<typeof ArchiveCountsSchema>;

export interface ArchiveBoundary {
  year: number;
  deviceId: string;
  firstSeq: number;
  lastSeq: number;
  /** The hash the archived segment chains on from (the previous boundary's head, or the genesis hash). */
  startHash: string;
  /** The hash of the event at lastSeq: the live chain goes on from it. */
  headHash: string;
  fileName: string;
  sha256: string;
  bytes: number;
  counts: ArchiveCounts;
  staffId: string;
  archivedAt: string;
  archivedMs: number;
}

interface BoundaryRow {
  year: number;
  device_id: string;
  first_seq: number;
  last_seq: number;
  start_hash: string;
  head_hash: string;
  file_name: string;
  sha256: string;
  bytes: number;
  counts: string;
  staff_id: string;
  archived_at: string;
  archived_ms: number;
}

function hasBoundaryTable(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archive_boundaries'").get() !== undefined;
}

/**
 * Where this device's chain starts in this file: after the newest boundary (its last seq and head hash), or null for the
 * chain's beginning. A file from before migration 0014 (an old copy) has no boundaries.
 */
export function chainStartOf(db: Database, deviceId: string): WalkStart | null {
  if (!hasBoundaryTable(db)) return null;
  return (
    db
      .prepare<[string], WalkStart>('SELECT last_seq AS seq, head_hash AS hash FROM archive_boundaries WHERE device_id = ? ORDER BY last_seq DESC LIMIT 1')
      .get(deviceId) ?? null
  );
}

/** Every boundary, oldest year first. */
export function listBoundaries(db: Database): ArchiveBoundary[] {
  if (!hasBoundaryTable(db)) return [];
  return db
    .prepare<[], BoundaryRow>('SELECT * FROM archive_boundaries ORDER BY year')
    .all()
    .map((r) => ({
      year: r.year,
      deviceId: r.device_id,
      firstSeq: r.first_seq,
      lastSeq: r.last_seq,
      startHash: r.start_hash,
      headHash: r.head_hash,
      fileName: r.file_name,
      sha256: r.sha256,
      bytes: r.bytes,
      counts: ArchiveCountsSchema.parse(JSON.parse(r.counts)),
      staffId: r.staff_id,
      archivedAt: r.archived_at,
      archivedMs: r.archived_ms,
    }));
}

export function insertBoundary(db: Database, b: ArchiveBoundary): void {
  db.prepare(
    `INSERT INTO archive_boundaries (year, device_id, first_seq, last_seq, start_hash, head_hash, file_name, sha256, bytes, counts, staff_id, archived_at, archived_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(b.year, b.deviceId, b.firstSeq, b.lastSeq, b.startHash, b.headHash, b.fileName, b.sha256, b.bytes, JSON.stringify(b.counts), b.staffId, b.archivedAt, b.archivedMs);
}
