// Asks whether the records can take writes again: free space on the disk, room under SQLite's own page cap, and one
// real committed write (a read-only or failing disk refuses it). Cheap enough to run every few seconds while the
// door cannot record.
import type { Database } from 'better-sqlite3';
import { statfsSync } from 'node:fs';
import type { StorageProblem } from '../../../shared/api/contract.js';
import { storageProblemOf } from './storage-failure.js';

/**
 * Free space the door wants before it records again: a check-in writes a few pages to the WAL (the event, its
 * indexes, its outbox row), so this is room for a few dozen, and a margin against flapping at the very edge.
 */
export const MIN_FREE_BYTES = 1024 * 1024;

export type ProbeResult = { ok: true } | { ok: false; problem: StorageProblem; detail: string };

/** Bytes an unprivileged writer may still use on the file system holding `dir`; null when the system cannot tell. */
export function freeBytes(dir: string): number | null {
  try {
    const fs = statfsSync(dir);
    return fs.bavail * fs.bsize;
  } catch {
    return null;
  }
}

/** Whether `db` (its file in `dir`) can record again; with no database, whether the disk has room to open one. */
export function probeStorage(db: Database | null, dir: string, minFreeBytes = MIN_FREE_BYTES): ProbeResult {
  const free = freeBytes(dir);
  if (free !== null && free < minFreeBytes) return { ok: false, problem: 'DISK_FULL', detail: `${free} bytes free in ${dir}` };
  if (db === null) return { ok: true };
  try {
    // SQLite's own cap (PRAGMA max_page_count) fills up like a disk does.
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const room = (Number(db.pragma('max_page_count', { simple: true })) - Number(db.pragma('page_count', { simple: true }))) * pageSize;
    if (room < minFreeBytes) return { ok: false, problem: 'DISK_FULL', detail: `${room} bytes left under the database's page limit` };
    // Rewriting the header's user version to itself is a committed write that changes nothing.
    const version = Number(db.pragma('user_version', { simple: true }));
    db.pragma(`user_version = ${version}`);
    return { ok: true };
  } catch (error) {
    const problem = storageProblemOf(error);
    if (problem === null) throw error;
    return { ok: false, problem, detail: error instanceof Error ? error.message : String(error) };
  }
}
