// The peer worker's own connection to the kiosk's database, beside the door's (as sync/sync-connection.ts opens the
// sync worker's). WAL lets the door write while the worker reads; each imported page is one short transaction.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { applyPageCache } from '../db/page-cache.js';

export function openPeerConnection(path: string, nativeBinding: string | null): Database {
  const db = new BetterSqlite3(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  applyPageCache(db, 'worker');
  // FULL as the door's own commits: a page taken in is told to the core (a child's presence shown), so it must not
  // vanish in a power cut after that. A peer would send it again, but the screen would have shown it meanwhile.
  db.pragma('synchronous = FULL');
  return db;
}
