// Staff account management: the staff audit trail learns the admin's acts on accounts (a PIN set or reset, a staff
// card enrolled or withdrawn, a locked account unlocked) and a staff member's own PIN change. SQLite cannot alter a
// CHECK, so staff_audit is rebuilt with every row, index and append-only trigger as before. DROP TABLE fires no
// DELETE trigger, so the append-only guard does not stand in the way, and nothing else references the table.
import type { Migration } from '../migration.js';

/** The actions staff_audit accepted before (0004) and the ones this migration adds: a copy, frozen here, since a migration must say the same thing forever whatever shared/ later adds. */
const ACTIONS = [
  'first-admin-created',
  'sign-in',
  'sign-in-failed',
  'account-locked',
  'sign-out',
  'session-timeout',
  'override',
  'correction',
  'absence',
  'headcount',
  'closing-resolution',
  'pin-set',
  'pin-changed',
  'card-enrolled',
  'card-withdrawn',
  'account-unlocked',
] as const;

export const staffAccounts: Migration = {
  version: 7,
  name: 'staff-accounts',
  up: (db) => {
    const actions = ACTIONS.map((a) => `'${a}'`).join(', ');
    db.exec(`
      CREATE TABLE staff_audit_next (
        id TEXT PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN (${actions})),
        staff_id TEXT REFERENCES staff(id),
        subject_id TEXT,
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      INSERT INTO staff_audit_next (id, occurred_at, occurred_ms, action, staff_id, subject_id, detail)
        SELECT id, occurred_at, occurred_ms, action, staff_id, subject_id, detail FROM staff_audit;
      DROP TABLE staff_audit;
      ALTER TABLE staff_audit_next RENAME TO staff_audit;
      CREATE INDEX staff_audit_by_time ON staff_audit(occurred_ms);
      CREATE INDEX staff_audit_by_staff ON staff_audit(staff_id, occurred_ms);
      CREATE TRIGGER staff_audit_no_update BEFORE UPDATE ON staff_audit
      BEGIN SELECT RAISE(ABORT, 'staff_audit is append-only'); END;
      CREATE TRIGGER staff_audit_no_delete BEFORE DELETE ON staff_audit
      BEGIN SELECT RAISE(ABORT, 'staff_audit is append-only'); END;
    `);
  },
};
