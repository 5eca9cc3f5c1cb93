// Refused attempts become a bounded, coalesced table: the same credential refused again and again is one row with a
// count and the time it was last seen, and the oldest rows go when the table is full. It is not an attendance record
// (those stay append-only), so the append-only triggers go; without them a flood of strange cards grew it for ever.
import type { Migration } from '../migration.js';

export const refusedCoalesced: Migration = {
  version: 9,
  name: 'refused-coalesced',
  up: (db) => {
    db.exec(`
      DROP TRIGGER refused_attempts_no_update;
      DROP TRIGGER refused_attempts_no_delete;
      -- How many times it was refused in the row's window; the last of them (NULL: only once, at occurred_*).
      ALTER TABLE refused_attempts ADD COLUMN seen_count INTEGER NOT NULL DEFAULT 1 CHECK (seen_count >= 1);
      ALTER TABLE refused_attempts ADD COLUMN last_at TEXT;
      ALTER TABLE refused_attempts ADD COLUMN last_ms INTEGER;
      -- The door looks up the newest row of a credential on every refusal.
      CREATE INDEX refused_attempts_by_key ON refused_attempts(method, presented, reason, occurred_ms);
    `);
  },
};
