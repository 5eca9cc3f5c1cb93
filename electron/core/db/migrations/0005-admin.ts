// The admin console: the admin's transfers of working days (the табель's calendar), an append-only trail of the
// admin's own acts (transfers, exports, settings, printed QR cards), and the indexes that keep every filter of the log
// on an index.
import type { Migration } from '../migration.js';

export const admin: Migration = {
  version: 5,
  name: 'admin',
  up: (db) => {
    db.exec(`
      -- A date the government moved: a working day made a day off, or a weekend day made a working day. Working
      -- state, not a record: an admin corrects a wrong transfer by setting it again or clearing it, and every such
      -- act is kept in admin_audit.
      CREATE TABLE calendar_transfers (
        date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind TEXT NOT NULL CHECK (kind IN ('day-off', 'working-day')),
        note TEXT,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        set_at TEXT NOT NULL,
        set_ms INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- What admins did in the console: who moved which day, exported which табель, changed which rule, printed whose QR
      -- cards.
      CREATE TABLE admin_audit (
        id TEXT PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('transfer-set', 'transfer-cleared', 'tabel-export', 'settings-changed', 'qr-cards-printed')),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX admin_audit_by_time ON admin_audit(occurred_ms);
      CREATE TRIGGER admin_audit_no_update BEFORE UPDATE ON admin_audit
      BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
      CREATE TRIGGER admin_audit_no_delete BEFORE DELETE ON admin_audit
      BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;

      -- The log pages newest first by (occurred_ms, id): one index per filter that can drive the walk, each ending
      -- in the page key, so a page reads about as many index entries as it shows (electron/core/admin/log-sql.ts).
      CREATE INDEX attendance_log_by_time ON attendance_events(occurred_ms, id);
      CREATE INDEX attendance_log_by_child ON attendance_events(child_id, occurred_ms, id);
      CREATE INDEX attendance_log_by_method ON attendance_events(method, occurred_ms, id);
      -- Most events have a companion; only overrides have a staff member.
      CREATE INDEX attendance_log_by_companion ON attendance_events(companion_id, occurred_ms, id) WHERE companion_id IS NOT NULL;
      CREATE INDEX attendance_log_by_staff ON attendance_events(staff_id, occurred_ms, id) WHERE staff_id IS NOT NULL;
      -- The табель's "was the child there that day": read from the index alone, with the id for the corrections check.
      CREATE INDEX attendance_child_days ON attendance_events(child_id, local_date, id);
      CREATE INDEX refused_attempts_by_time_id ON refused_attempts(occurred_ms, id);
    `);
  },
};
