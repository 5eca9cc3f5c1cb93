// Staff on duty: PINs and staff cards, the append-only staff audit trail, the reasons behind overrides,
// corrections, absences, the daily headcount and the closing-time resolutions. Records that will go to the city
// (overrides' reasons, corrections, absences, headcounts, closing resolutions) are one row each with a uuid v7 id.
import type { Migration } from '../migration.js';

/** The append-only guard every record table here gets: nothing is edited or removed once written. */
function appendOnly(table: string): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
}

export const staff: Migration = {
  version: 4,
  name: 'staff',
  up: (db) => {
    db.exec(`
      -- Where a staff member comes from: the city's roster, or this kiosk (the first admin created at setup). A roster
      -- snapshot from the city replaces only the city's staff, so enrolling never locks the kiosk's own admin out.
      ALTER TABLE staff ADD COLUMN origin TEXT NOT NULL DEFAULT 'city' CHECK (origin IN ('city', 'local'));

      -- A staff member's PIN: scrypt of the PIN keyed with the install's pepper (a file beside the database, never in
      -- it), with a per-PIN salt. The failure counters are the lockout's working state, not a record: the audit
      -- trail keeps every failure. A PIN is replaced, never shown.
      CREATE TABLE staff_pins (
        staff_id TEXT PRIMARY KEY REFERENCES staff(id),
        hash BLOB NOT NULL CHECK (length(hash) = 32),
        salt BLOB NOT NULL CHECK (length(salt) = 16),
        params TEXT NOT NULL,
        set_at TEXT NOT NULL,
        failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
        lock_count INTEGER NOT NULL DEFAULT 0 CHECK (lock_count >= 0),
        locked_until_ms INTEGER
      ) STRICT;

      -- A staff member's own card (canonical card number). Never a companion's credential: staff do not sign in
      -- with a parent's card, and a card cannot be both.
      CREATE TABLE staff_cards (
        id TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        value TEXT NOT NULL UNIQUE CHECK (length(value) > 0),
        revoked_at TEXT
      ) STRICT;
      CREATE INDEX staff_cards_by_staff ON staff_cards(staff_id);
      CREATE TRIGGER staff_cards_not_a_companion_card BEFORE INSERT ON staff_cards
      WHEN EXISTS (SELECT 1 FROM credentials WHERE kind = 'rfid' AND value = NEW.value)
      BEGIN SELECT RAISE(ABORT, 'this card is a companion credential'); END;

      -- Who did what at the kiosk and why. staff_id is NULL for the kiosk's own acts (the automatic headcount) and
      -- for a staff card nobody owns; subject_id names the record the act made (an event, an absence…).
      CREATE TABLE staff_audit (
        id TEXT PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('first-admin-created', 'sign-in', 'sign-in-failed', 'account-locked',
          'sign-out', 'session-timeout', 'override', 'correction', 'absence', 'headcount', 'closing-resolution')),
        staff_id TEXT REFERENCES staff(id),
        subject_id TEXT,
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX staff_audit_by_time ON staff_audit(occurred_ms);
      CREATE INDEX staff_audit_by_staff ON staff_audit(staff_id, occurred_ms);
      ${appendOnly('staff_audit')}

      -- Why an override was needed and who came, linked to its attendance event (method 'override', staff_id set).
      CREATE TABLE override_reasons (
        event_id TEXT PRIMARY KEY REFERENCES attendance_events(id),
        reason TEXT NOT NULL CHECK (reason IN ('forgot-card', 'no-phone', 'device-broken', 'closing-time', 'other')),
        note TEXT,
        companion_id TEXT REFERENCES companions(id),
        companion_name TEXT,
        CHECK (reason <> 'other' OR coalesce(length(trim(note)), 0) > 0)
      ) STRICT;
      ${appendOnly('override_reasons')}

      -- A child kept home for a day or a range, with the табель's reason.
      CREATE TABLE absences (
        id TEXT PRIMARY KEY,
        child_id TEXT NOT NULL REFERENCES children(id),
        first_date TEXT NOT NULL CHECK (first_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        last_date TEXT NOT NULL CHECK (last_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        reason TEXT NOT NULL CHECK (reason IN ('sick', 'vacation', 'sanatorium', 'family', 'other')),
        certificate_number TEXT,
        certificate_date TEXT,
        note TEXT,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        recorded_at TEXT NOT NULL,
        recorded_ms INTEGER NOT NULL,
        CHECK (last_date >= first_date),
        CHECK (reason <> 'other' OR coalesce(length(trim(note)), 0) > 0)
      ) STRICT;
      CREATE INDEX absences_by_child ON absences(child_id, first_date);
      CREATE INDEX absences_by_last_date ON absences(last_date);
      ${appendOnly('absences')}

      -- A correction withdraws one attendance event or one absence; the record itself stays as it was.
      -- At most one correction per record ("keyed by the corrected record").
      CREATE TABLE corrections (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL CHECK (target_type IN ('attendance', 'absence')),
        target_id TEXT NOT NULL,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        UNIQUE (target_type, target_id)
      ) STRICT;
      CREATE TRIGGER corrections_target_exists BEFORE INSERT ON corrections
      WHEN NOT EXISTS (SELECT 1 FROM attendance_events WHERE NEW.target_type = 'attendance' AND id = NEW.target_id)
       AND NOT EXISTS (SELECT 1 FROM absences WHERE NEW.target_type = 'absence' AND id = NEW.target_id)
      BEGIN SELECT RAISE(ABORT, 'a correction must point to an existing record'); END;
      ${appendOnly('corrections')}

      -- The headcount per group: taken at the cut-off (09:00 by default) by the kiosk, or by staff at any time.
      -- groups is the JSON the nurse saw: per group the present count and names.
      CREATE TABLE headcounts (
        id TEXT PRIMARY KEY,
        local_date TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        taken_ms INTEGER NOT NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('cut-off', 'manual')),
        staff_id TEXT REFERENCES staff(id),
        groups TEXT NOT NULL CHECK (json_valid(groups)),
        CHECK ((trigger = 'cut-off') = (staff_id IS NULL))
      ) STRICT;
      CREATE INDEX headcounts_by_day ON headcounts(local_date, taken_ms);
      -- One automatic headcount a day, whatever restarts the kiosk goes through.
      CREATE UNIQUE INDEX headcounts_one_cut_off_a_day ON headcounts(local_date) WHERE trigger = 'cut-off';
      ${appendOnly('headcounts')}

      -- At closing time each child still checked in is resolved: left (with the departure override it made) or
      -- still here (with a note). Nothing is cleared silently.
      CREATE TABLE closing_resolutions (
        id TEXT PRIMARY KEY,
        local_date TEXT NOT NULL,
        child_id TEXT NOT NULL REFERENCES children(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('left', 'still-here')),
        departure_event_id TEXT REFERENCES attendance_events(id),
        note TEXT,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        CHECK ((outcome = 'left') = (departure_event_id IS NOT NULL)),
        CHECK (outcome = 'left' OR coalesce(length(trim(note)), 0) > 0)
      ) STRICT;
      CREATE INDEX closing_resolutions_by_day ON closing_resolutions(local_date, child_id);
      ${appendOnly('closing_resolutions')}
    `);
  },
};
