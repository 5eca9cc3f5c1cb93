// Where the kiosk's own card changes stand with the city, for the roster pull. Credentials whose latest change made here
// the city has not acknowledged yet. Until it does, the city's roster does
// not know of the change, so a roster pull must leave these rows as the kiosk has them (electron/core/roster/roster-apply.ts):
// a card enrolled here survives a snapshot, a card revoked here is not made live again by a delta.
import type { Database } from 'better-sqlite3';

// CROSS JOIN keeps the change log outside: it holds the admin's few card changes, while a kiosk back from a month
// offline may hold tens of thousands of pending events the other way round would walk.
export const AWAITING_CITY_SQL = {
  all: `SELECT DISTINCT ch.credential_id AS id FROM credential_changes ch
          CROSS JOIN sync_outbox o ON o.record_id = ch.id WHERE o.state = 'pending'`,
  /** Live cards enrolled here whose enrolment the city refused: it will never list them, in a snapshot or a delta. */
  refused: `SELECT DISTINCT ch.credential_id AS id FROM credential_changes ch
              CROSS JOIN sync_outbox o ON o.record_id = ch.id
              JOIN credentials c ON c.id = ch.credential_id
             WHERE ch.action = 'enrol' AND o.state = 'rejected' AND c.revoked_at IS NULL`,
} as const;

export function credentialsAwaitingCity(db: Database): Set<string> {
  return new Set(db.prepare<[], { id: string }>(AWAITING_CITY_SQL.all).all().map((row) => row.id));
}

/** See AWAITING_CITY_SQL.refused: the roster pull takes these out of service as the city's roster would. */
export function enrolmentsRefusedByCity(db: Database): string[] {
  return db.prepare<[], { id: string }>(AWAITING_CITY_SQL.refused).all().map((row) => row.id);
}
