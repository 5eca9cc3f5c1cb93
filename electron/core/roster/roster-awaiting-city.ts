// Where the kiosk's own roster edits stand with the city, for the roster pull: the groups, children, companions and
// links whose latest change made here the city has not acknowledged yet. Until it does, the city's roster does not
// know of the change, so a pull leaves those rows as the kiosk has them (roster-apply.ts), as it does for cards
// (card-awaiting-city.ts): a child added here is not removed by a snapshot that was made before the city heard of them.
import type { Database } from 'better-sqlite3';

// CROSS JOIN keeps the change log outside: it holds the admin's edits, while a kiosk back from a month offline may hold
// tens of thousands of pending events the other way round would walk.
export const ROSTER_AWAITING_CITY_SQL = `SELECT DISTINCT ch.entity, ch.entity_key AS key FROM roster_changes ch
  CROSS JOIN sync_outbox o ON o.record_id = ch.id WHERE o.state = 'pending'`;

export type RosterEntityName = 'group' | 'child' | 'companion' | 'link';

/** "entity key" strings, one per row awaiting the city (rosterRowKey). */
export function rosterRowsAwaitingCity(db: Database): Set<string> {
  return new Set(
    db
      .prepare<[], { entity: RosterEntityName; key: string }>(ROSTER_AWAITING_CITY_SQL)
      .all()
      .map((row) => rosterRowKey(row.entity, row.key)),
  );
}

export function rosterRowKey(entity: RosterEntityName, key: string): string {
  return `${entity}\n${key}`;
}
