// Tells a failed write that says "the disk cannot take it" (no space, read-only, failing) from any other error, so
// the door can say it cannot record instead of a generic failure while it still claims to be ready.
import type { StorageProblem } from '../../../shared/api/contract.js';

/** The SQLite or system error code a thrown error carries, or '' (better-sqlite3 puts extended codes in `code`). */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/**
 * What the error says about the disk, or null when it says nothing about it (a constraint, a bug, a busy lock).
 * SQLITE_IOERR_SHMSIZE and the like come from a full disk too (the shared-memory file cannot grow); whether the
 * disk is in fact full is for the free-space probe to say (storage-probe.ts), so they count as IO_ERROR here.
 */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const code = errorCode(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'READ_ONLY';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'IO_ERROR';
  return null;
}
