// Credentials whose latest change made here the city has not acknowledged yet. Until it does, the city's roster does
// not know of the change, so a roster pull must leave these rows as the kiosk has them (electron/core/sync/roster-apply.ts):
// a card enrolled here survives a snapshot, a card revoked here is not made live again by a delta.
import type { Database } from 'better-sqlite3';

// CROSS JOIN keeps the change log outside: it holds the admin's few card changes, while a kiosk back from a month
// offline may hold tens of thousands of pending events the other way round would walk.
export const AWAITING_CITY_SQL = {
  all: `SELECT DISTINCT ch.credential_id AS id FROM credential_changes ch
          CROSS JOIN sync_outbox o ON o.record_id = ch.id WHERE o.state = 'pending'`,
} as const;

export function credentialsAwaitingCity(db: Database): Set<string> {
  return new Set(db.prepare<[], { id: string }>(AWAITING_CITY_SQL.all).all().map((row) => row.id));
}
