// Opens the kiosk's SQLite file with the pragmas that keep an acknowledged check-in on disk.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { basename, dirname } from 'node:path';
import type { DatabaseProblem } from '../../../shared/api/contract.js';
import { fileStructureProblem } from './file-structure.js';
import { migrations } from './migrations/index.js';
import { DatabaseFromFutureError, migrate } from './migrate.js';
import { preparePrivateDataDir } from '../data-dir.js';

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for the running runtime (Electron keeps its own). */
  nativeBinding?: string;
  busyTimeoutMs?: number;
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
    db.pragma('journal_mode = WAL');
    // WAL's default NORMAL can lose the last commits on power loss; a check-in shown is a check-in kept.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(classifyDatabaseError(error), path, error);
  }
}

/** What a failure of the database means for the door, from SQLite's or the OS's error code. */
export function classifyDatabaseError(error: unknown): DatabaseProblem {
  if (error instanceof DatabaseFromFutureError) return 'DB_FROM_FUTURE';
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'DB_LOCKED';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return 'DB_CORRUPT';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) return 'DB_UNWRITABLE';
  if (['EACCES', 'EROFS', 'ENOTDIR', 'EEXIST', 'EPERM', 'ENOSPC'].includes(code)) return 'DB_UNWRITABLE';
  return 'DB_UNKNOWN';
}
