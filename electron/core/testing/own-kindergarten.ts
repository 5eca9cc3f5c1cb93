// Tests that enroll or push need a roster to tap against; the demo's is the richest there is, but a kiosk holding the
// demo may not enroll. This keeps the demo's roster and staff as a kindergarten's own: the DEMO flag off, as if the
// kindergarten had typed the same roster in.
import BetterSqlite3 from 'better-sqlite3';

export function keepAsOwnKindergarten(databasePath: string): void {
  const db = new BetterSqlite3(databasePath);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE kindergarten SET demo = 0').run();
  } finally {
    db.close();
  }
}
