// Sync's own connection to the kiosk's database, beside the door's. WAL lets the door write while sync reads; sync
// keeps its write transactions short (one small settle per batch).
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { applyPageCache } from '../db/page-cache.js';

export function openSyncConnection(path: string, nativeBinding: string | null): Database {
  const db = new BetterSqlite3(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  applyPageCache(db, 'worker');
  // NORMAL, not the door's FULL: sync only ever marks rows sent or rejected. If a power cut loses such a mark, the
  // row is pending again and the city answers "duplicate"; the door's own FULL commits still fsync the WAL with
  // everything written before them, events included.
  db.pragma('synchronous = NORMAL');
  return db;
}
