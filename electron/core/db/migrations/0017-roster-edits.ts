// The roster kept by hand where the city does not manage it (electron/core/roster/edit/), and children who join or
// leave in the middle of a month.
//
// child_enrolments: the days each child was enrolled, one row per period (from / until, both local days, both
// inclusive). children.active alone said only "now or not", so a child who left on the 20th vanished from that month's
// табель and a child who joined on the 10th was "unmarked" for the days before it. Periods rather than two columns on
// children: a child who leaves in March and comes back in September keeps March's days in March. from_day NULL means
// "since before the kiosk knew" (every child the city or the demo sent before this migration). At most one open period
// per child (until_day NULL), and it exists exactly when the child is active: a trigger opens one for every child
// inserted active, and the roster edits and the city's roster apply close and reopen them (electron/core/roster/
// child-enrolments.ts).
//
// Rows that exist before this migration: an active child gets one open period from NULL; a child already inactive gets
// one closed period ending on the last day anything was recorded for them (when that was is all the kiosk knows of
// when they left), or none at all when nothing ever was (such a child was never in any табель before either).
//
// roster_changes: one row per hand edit (or spreadsheet row applied), with its author and the body pushed to the city
// as a roster-change record (its outbox record_id is the row's id), kept as credential_changes keeps card changes: the
// roster pull asks by entity which changes the city has not acknowledged yet, which a JSON outbox body cannot answer
// from an index, and the outbox drops sent bodies one day while who changed the roster stays. Append-only.
//
// groups and companions get an active flag: a group or a companion taken out of service stays for history (the
// табель of past months names the group, the log names the companion) but leaves the lists and the door.
import type { Migration } from '../migration.js';

export const rosterEdits: Migration = {
  version: 17,
  name: 'roster-edits',
  up(db) {
    db.exec(`
      ALTER TABLE groups ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
      ALTER TABLE companions ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

      CREATE TABLE child_enrolments (
        id INTEGER PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children(id),
        from_day TEXT CHECK (from_day IS NULL OR from_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        until_day TEXT CHECK (until_day IS NULL OR until_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        CHECK (from_day IS NULL OR until_day IS NULL OR from_day <= until_day)
      ) STRICT;
      CREATE INDEX child_enrolments_by_child ON child_enrolments(child_id, from_day);
      CREATE UNIQUE INDEX child_enrolments_one_open ON child_enrolments(child_id) WHERE until_day IS NULL;

      -- Every way a child enters the roster (the city's roster, the demo, a hand edit) starts with a period open since
      -- before the kiosk knew; a hand edit or a spreadsheet that knows the day sets from_day in the same transaction.
      -- Leaving and coming back need the kindergarten's local day, which SQLite does not know: the code writes those.
      -- A copy of rows that already carry their periods (a year's archive file copies child_enrolments first) adds none.
      CREATE TRIGGER children_enrolled_on_insert AFTER INSERT ON children
        WHEN NEW.active = 1 AND NOT EXISTS (SELECT 1 FROM child_enrolments WHERE child_id = NEW.id AND until_day IS NULL)
      BEGIN INSERT INTO child_enrolments (child_id, from_day, until_day) VALUES (NEW.id, NULL, NULL); END;

      INSERT INTO child_enrolments (child_id, from_day, until_day) SELECT id, NULL, NULL FROM children WHERE active = 1;
      INSERT INTO child_enrolments (child_id, from_day, until_day)
        SELECT c.id, NULL, max(e.local_date) FROM children c JOIN attendance_events e ON e.child_id = c.id
         WHERE c.active = 0 GROUP BY c.id;

      CREATE TABLE roster_changes (
        id TEXT PRIMARY KEY,
        batch_id TEXT NOT NULL,
        entity TEXT NOT NULL CHECK (entity IN ('group', 'child', 'companion', 'link')),
        -- The entity's id; a link's is JSON [companionId, childId].
        entity_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('console', 'spreadsheet')),
        body TEXT NOT NULL CHECK (json_valid(body)),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX roster_changes_by_entity ON roster_changes(entity, entity_key, occurred_ms);
      CREATE INDEX roster_changes_by_time ON roster_changes(occurred_ms);
      CREATE TRIGGER roster_changes_no_update BEFORE UPDATE ON roster_changes
      BEGIN SELECT RAISE(ABORT, 'roster_changes is append-only'); END;
      CREATE TRIGGER roster_changes_no_delete BEFORE DELETE ON roster_changes
      BEGIN SELECT RAISE(ABORT, 'roster_changes is append-only'); END;

      INSERT INTO outbox_record_types (name) VALUES ('roster-change');
      INSERT INTO admin_audit_actions (name) VALUES ('roster-changed');
    `);
  },
};
