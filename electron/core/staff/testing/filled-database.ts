// A database that cannot grow, as on a full disk: SQLite's page limit set to the pages the file has, and the room
// left in them filled too (unlike testing/full-disk.ts, which only caps the pages), so that even a small row the
// next write adds fails with SQLITE_FULL. The filler rows are staff audit rows of nobody, marked with FILLER_SUBJECT
// so a test can leave them out.
import type { Database } from 'better-sqlite3';
import { storageProblemOf } from '../../db/storage-failure.js';

export const FILLER_SUBJECT = 'disk-filler';

/** Fills the database to its current size; returns a function that gives it room again. */
export function fillDatabase(db: Database): () => void {
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  const filler = db.prepare(`INSERT INTO staff_audit VALUES (?, '2026-01-01T00:00:00.000+05:00', 0, 'sign-in-failed', NULL, '${FILLER_SUBJECT}', '{}')`);
  for (let i = 0; i < 200_000; i++) {
    try {
      filler.run(`filler-${String(i).padStart(6, '0')}`);
    } catch (error) {
      if (storageProblemOf(error) === 'DISK_FULL') return () => void db.pragma('max_page_count = 1073741823');
      throw error;
    }
  }
  throw new Error('the database did not fill up');
}
