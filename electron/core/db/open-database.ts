// Opens the kiosk's SQLite file with the pragmas that keep an acknowledged check-in on disk.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { basename, dirname } from 'node:path';
import type { DatabaseProblem } from '../../../shared/api/contract.js';
import { fileStructureProblem } from './file-structure.js';
import { applyPageCache } from './page-cache.js';
import { migrations } from './migrations/index.js';
import { DatabaseFromFutureError, migrate, MigrationCopyError, type MigrateOptions } from './migrate.js';
import { preparePrivateDataDir } from '../files/data-dir.js';

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for the running runtime (Electron keeps its own). */
  nativeBinding?: string;
  busyTimeoutMs?: number;
  /**
   * Hold the file for this connection alone, with the WAL index in its memory instead of the `-shm` file: a start on a
   * full disk cannot size a new `-shm` (SQLITE_IOERR_SHMSIZE), yet the door can still read its roster and who is inside.
   * `shareDatabase` hands the file back once there is room.
   */
  exclusive?: boolean;
  /**
   * Takes the copy of the file an upgrade waits for (migrate.ts `copyBefore`, backup/pre-migration-copy.ts); without
   * it a file that needs migrating is refused (DB_COPY_FAILED) rather than migrated with no way back.
   */
  beforeMigration?: (db: Database, plan: { from: number; to: number }) => void;
}

export class DatabaseOpenError extends Error {
  constructor(readonly problem: DatabaseProblem, readonly path: string, cause: unknown) {
    super(`cannot open database ${path}: ${problem}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseOpenError';
  }
}

/** A file that is plainly not a whole SQLite database, found before SQLite opens (and perhaps resets) it. */
export class DamagedFileError extends Error {
  readonly code = 'SQLITE_CORRUPT';
}

export function openDatabase(path: string, options: OpenOptions = {}): Database {
  let db: Database | undefined;
  try {
    const damage = fileStructureProblem(path);
    if (damage !== null) throw new DamagedFileError(damage);
    preparePrivateDataDir(dirname(path), basename(path));
    db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 2000}`);
    // Before the first read: only then does SQLite keep the WAL index in memory rather than in the -shm file.
    if (options.exclusive) db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // WAL's default NORMAL can lose the last commits on power loss; a check-in shown is a check-in kept.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    applyPageCache(db, 'door');
    const opened = db;
    const copy: MigrateOptions = options.beforeMigration ? { copyBefore: (plan) => options.beforeMigration?.(opened, plan) } : {};
    migrate(db, migrations, copy);
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(classifyDatabaseError(error), path, error);
  }
}

/**
 * Ends `exclusive` (open options): SQLite lets a connection that entered WAL in exclusive mode leave it only by leaving
 * WAL, so the WAL is folded into the file, the lock given up, and WAL entered again with a `-shm` others can share.
 * Needs room on the disk; throws SQLITE_FULL and the like when there is none, and may simply be called again later.
 */
export function shareDatabase(db: Database): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('locking_mode = NORMAL');
  const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
  if (mode !== 'wal') throw new Error(`the records file stayed in journal mode ${mode}`);
}

/** What a failure of the database means for the door, from SQLite's or the OS's error code. */
export function classifyDatabaseError(error: unknown): DatabaseProblem {
  if (error instanceof DatabaseFromFutureError) return 'DB_FROM_FUTURE';
  if (error instanceof MigrationCopyError) return 'DB_COPY_FAILED';
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'DB_LOCKED';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'DB_CORRUPT';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) return 'DB_UNWRITABLE';
  if (['EACCES', 'EROFS', 'ENOTDIR', 'EEXIST', 'EPERM', 'ENOSPC'].includes(code)) return 'DB_UNWRITABLE';
  return 'DB_UNKNOWN';
}
