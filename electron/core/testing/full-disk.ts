// A full (or read-only) disk for tests, enforced by SQLite itself on the core's own connection: PRAGMA max_page_count
// at the file's size makes the next write that needs a page fail with a real SQLITE_FULL, and PRAGMA query_only a real
// SQLITE_READONLY. Pass `onDatabaseOpened` to the core; a connection opened while the disk is "full" starts capped.
import type { Database } from 'better-sqlite3';

/** SQLite's own default page cap: no limit in practice. */
const NO_CAP = 4_294_967_294;

export interface DiskFixture {
  onDatabaseOpened: (db: Database) => void;
  /** No page beyond those the file has now (and, for a connection opened later, beyond those it has then). */
  fill(): void;
  /** Writes refused as on a disk remounted read-only. */
  readOnly(): void;
  /** Room and writes again. */
  free(): void;
}

export function diskFixture(): DiskFixture {
  let db: Database | null = null;
  let state: 'ok' | 'full' | 'read-only' = 'ok';
  const apply = (): void => {
    if (!db?.open) return;
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${state === 'full' ? pages : NO_CAP}`);
    db.pragma(`query_only = ${state === 'read-only' ? 'ON' : 'OFF'}`);
  };
  return {
    onDatabaseOpened: (opened) => {
      db = opened;
      apply();
    },
    fill: () => {
      state = 'full';
      apply();
    },
    readOnly: () => {
      state = 'read-only';
      apply();
    },
    free: () => {
      state = 'ok';
      apply();
    },
  };
}
