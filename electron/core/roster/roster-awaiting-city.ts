// Where the kindergarten's roster edits stand with the city, for the roster pull: the groups, children, companions and
// links whose latest change the city has not acknowledged yet, made here (outbox row pending) or at another machine of
// the group (peer_city_state row pending, ledger/city-acks-awaiting.ts). Until the city acknowledges it, the city's
// roster does not know of the change, so a pull leaves those rows as the kiosk has them (roster-apply.ts), as it does
// for cards (card-awaiting-city.ts): a child added here or at another door is not removed by a snapshot that was made
// before the city heard of them.
import type { Database } from 'better-sqlite3';

// CROSS JOIN keeps the change log outside: it holds the admin's edits, while a kiosk back from a month offline may hold
// tens of thousands of pending events the other way round would walk.
export const ROSTER_AWAITING_CITY_SQL = `SELECT DISTINCT ch.entity, ch.entity_key AS key FROM roster_changes ch
  CROSS JOIN sync_outbox o ON o.record_id = ch.id WHERE o.state = 'pending'`;

/** Another machine's edits: their pending rows by state, each joined to its change; a removed member's awaited no more. */
export const ROSTER_AWAITING_CITY_FOREIGN_SQL = `SELECT DISTINCT ch.entity, ch.entity_key AS key FROM peer_city_state a
  CROSS JOIN roster_changes ch ON ch.id = a.record_id
  LEFT JOIN peer_members m ON m.device_id = a.origin
  WHERE a.state = 'pending' AND m.revoked_at IS NULL`;

export type RosterEntityName = 'group' | 'child' | 'companion' | 'link';

/** "entity key" strings, one per row awaiting the city (rosterRowKey). */
export function rosterRowsAwaitingCity(db: Database): Set<string> {
  return new Set(
    [ROSTER_AWAITING_CITY_SQL, ROSTER_AWAITING_CITY_FOREIGN_SQL].flatMap((sql) =>
      db
        .prepare<[], { entity: RosterEntityName; key: string }>(sql)
        .all()
        .map((row) => rosterRowKey(row.entity, row.key)),
    ),
  );
}

export function rosterRowKey(entity: RosterEntityName, key: string): string {
  return `${entity}\n${key}`;
}
