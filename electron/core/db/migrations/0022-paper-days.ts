// Days the kiosk was down (issue 16 §7): staff enter a past day of a group from the paper list. paper_days holds one
// row per group and day entered (who, when it was entered, how many present and absent): its UNIQUE (group, day) is
// what makes saving the same day twice write nothing the second time. paper_day_events links each arrival it wrote to
// that row, so the log can show the event as entered later and by whom. Both append-only like every other record. No
// foreign keys to groups or events: the roster may remove a group, and a year's archive takes its events away, while
// the rows that say how a past day was entered stay (small, like corrections).
import type { Migration } from '../migration.js';

export const paperDays: Migration = {
  version: 22,
  name: 'paper-days',
  up(db) {
    db.exec(`
      CREATE TABLE paper_days (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        local_date TEXT NOT NULL,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        entered_at TEXT NOT NULL,
        entered_ms INTEGER NOT NULL,
        present INTEGER NOT NULL CHECK (present >= 0),
        absent INTEGER NOT NULL CHECK (absent >= 0),
        UNIQUE (group_id, local_date)
      ) STRICT;
      CREATE TABLE paper_day_events (
        event_id TEXT PRIMARY KEY,
        paper_day_id TEXT NOT NULL REFERENCES paper_days(id)
      ) STRICT;
      CREATE INDEX paper_day_events_by_day ON paper_day_events (paper_day_id);
      CREATE TRIGGER paper_days_no_update BEFORE UPDATE ON paper_days BEGIN SELECT RAISE(ABORT, 'paper_days is append-only'); END;
      CREATE TRIGGER paper_days_no_delete BEFORE DELETE ON paper_days BEGIN SELECT RAISE(ABORT, 'paper_days is append-only'); END;
      CREATE TRIGGER paper_day_events_no_update BEFORE UPDATE ON paper_day_events BEGIN SELECT RAISE(ABORT, 'paper_day_events is append-only'); END;
      CREATE TRIGGER paper_day_events_no_delete BEFORE DELETE ON paper_day_events BEGIN SELECT RAISE(ABORT, 'paper_day_events is append-only'); END;
      INSERT INTO staff_audit_actions (name) VALUES ('paper-day');
    `);
  },
};
