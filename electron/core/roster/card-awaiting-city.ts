// Where the kindergarten's card changes stand with the city, for the roster pull. Credentials whose latest change the
// city has not acknowledged yet: one made here (its outbox row pending) or one taken from another machine of the group
// (its peer_city_state row pending until a city-acks names it, ledger/city-acks-awaiting.ts). Until the city
// acknowledges it, the city's roster does not know of the change, so a roster pull must leave these rows as the kiosk
// has them (electron/core/roster/roster-apply.ts): a card enrolled here or at another door survives a snapshot, a card
// revoked here or there is not made live again by a delta.
import type { Database } from 'better-sqlite3';

// CROSS JOIN keeps the change log outside: it holds the admin's few card changes, while a kiosk back from a month
// offline may hold tens of thousands of pending events the other way round would walk. The other machines' changes are
// read from their pending rows (by state, an index), each joined to its change by id.
// A removed member's pending change is awaited no more: its city-acks will never be taken here, and the city's roster
// is then the only word on the card (docs/peers.md §5).
export const AWAITING_CITY_SQL = {
  all: `SELECT DISTINCT ch.credential_id AS id FROM credential_changes ch
          CROSS JOIN sync_outbox o ON o.record_id = ch.id WHERE o.state = 'pending'`,
  /** Live cards enrolled here whose enrolment the city refused: it will never list them, in a snapshot or a delta. */
  refused: `SELECT DISTINCT ch.credential_id AS id FROM credential_changes ch
              CROSS JOIN sync_outbox o ON o.record_id = ch.id
              JOIN credentials c ON c.id = ch.credential_id
             WHERE ch.action = 'enrol' AND o.state = 'rejected' AND c.revoked_at IS NULL`,
  foreign: `SELECT DISTINCT ch.credential_id AS id FROM peer_city_state a
              CROSS JOIN credential_changes ch ON ch.id = a.record_id
              LEFT JOIN peer_members m ON m.device_id = a.origin
             WHERE a.state = 'pending' AND m.revoked_at IS NULL`,
  /** As `refused`, for live cards another machine enrolled. */
  foreignRefused: `SELECT DISTINCT ch.credential_id AS id FROM peer_city_state a
                     CROSS JOIN credential_changes ch ON ch.id = a.record_id
                     JOIN credentials c ON c.id = ch.credential_id
                    WHERE a.state = 'rejected' AND ch.action = 'enrol' AND c.revoked_at IS NULL`,
} as const;

function ids(db: Database, ...queries: readonly string[]): string[] {
  return queries.flatMap((sql) => db.prepare<[], { id: string }>(sql).all().map((row) => row.id));
}

export function credentialsAwaitingCity(db: Database): Set<string> {
  return new Set(ids(db, AWAITING_CITY_SQL.all, AWAITING_CITY_SQL.foreign));
}

/** See AWAITING_CITY_SQL.refused: the roster pull takes these out of service as the city's roster would. */
export function enrolmentsRefusedByCity(db: Database): string[] {
  return [...new Set(ids(db, AWAITING_CITY_SQL.refused, AWAITING_CITY_SQL.foreignRefused))];
}
