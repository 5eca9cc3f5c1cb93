// Children who never come (issue 16 §3): the count of a month that ended, per group with the children's ids, drawn
// once by the kiosk and queued for the city in the same transaction as its row here. The month is the key, so the
// count is drawn and sent once however often the kiosk starts; append-only like every other record.
import type { Migration } from '../migration.js';

export const neverComeCounts: Migration = {
  version: 23,
  name: 'never-come-counts',
  up(db) {
    db.exec(`
      CREATE TABLE never_come_counts (
        month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        record_id TEXT NOT NULL UNIQUE,
        after_days INTEGER NOT NULL CHECK (after_days > 0),
        groups TEXT NOT NULL CHECK (json_valid(groups) AND json_type(groups) = 'array'),
        counted_at TEXT NOT NULL,
        counted_ms INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER never_come_counts_no_update BEFORE UPDATE ON never_come_counts BEGIN SELECT RAISE(ABORT, 'never_come_counts is append-only'); END;
      CREATE TRIGGER never_come_counts_no_delete BEFORE DELETE ON never_come_counts BEGIN SELECT RAISE(ABORT, 'never_come_counts is append-only'); END;
      INSERT INTO outbox_record_types (name) VALUES ('never-come-count');
    `);
  },
};
