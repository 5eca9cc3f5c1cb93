// A child back after a long absence (issue 16 §2): the day they came back and the school days they were away, found by
// the staff desk after the arrival was recorded (return_checks), and the staff's word on the doctor's certificate,
// seen or missing (certificate_checks, one row per time it was marked: the newest is the answer). Both are append-only
// like every other record; a certificate check is queued for the city as a 'certificate-check' record.
import type { Migration } from '../migration.js';

export const returnChecks: Migration = {
  version: 21,
  name: 'return-checks',
  up(db) {
    db.exec(`
      CREATE TABLE return_checks (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children(id),
        local_date TEXT NOT NULL,
        absent_days INTEGER NOT NULL CHECK (absent_days > 0),
        last_seen TEXT,
        found_ms INTEGER NOT NULL,
        UNIQUE (child_id, local_date)
      ) STRICT;
      CREATE TABLE certificate_checks (
        id TEXT PRIMARY KEY,
        return_check_id TEXT NOT NULL REFERENCES return_checks(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('seen', 'missing')),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        recorded_at TEXT NOT NULL,
        recorded_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX certificate_checks_by_return ON certificate_checks (return_check_id, id);
      CREATE TRIGGER return_checks_no_update BEFORE UPDATE ON return_checks BEGIN SELECT RAISE(ABORT, 'return_checks is append-only'); END;
      CREATE TRIGGER return_checks_no_delete BEFORE DELETE ON return_checks BEGIN SELECT RAISE(ABORT, 'return_checks is append-only'); END;
      CREATE TRIGGER certificate_checks_no_update BEFORE UPDATE ON certificate_checks BEGIN SELECT RAISE(ABORT, 'certificate_checks is append-only'); END;
      CREATE TRIGGER certificate_checks_no_delete BEFORE DELETE ON certificate_checks BEGIN SELECT RAISE(ABORT, 'certificate_checks is append-only'); END;
      INSERT INTO outbox_record_types (name) VALUES ('certificate-check');
      INSERT INTO staff_audit_actions (name) VALUES ('certificate-check');
    `);
  },
};
