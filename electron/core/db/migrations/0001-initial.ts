// The first schema: roster (as the city sends it), staff, settings, the device, and the append-only attendance log.
import type { Migration } from '../migration.js';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE kindergarten (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1))
      ) STRICT;

      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE children (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id),
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX children_by_group ON children(group_id);

      CREATE TABLE companions (
        id TEXT PRIMARY KEY,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        relation TEXT NOT NULL
      ) STRICT;

      -- Who may bring and who may collect which child; blocked overrides both.
      CREATE TABLE companion_children (
        companion_id TEXT NOT NULL REFERENCES companions(id),
        child_id TEXT NOT NULL REFERENCES children(id),
        may_bring INTEGER NOT NULL DEFAULT 1 CHECK (may_bring IN (0, 1)),
        may_collect INTEGER NOT NULL DEFAULT 1 CHECK (may_collect IN (0, 1)),
        blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
        PRIMARY KEY (companion_id, child_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX companion_children_by_child ON companion_children(child_id);

      -- One canonical value per credential: a card number, or a QR credential id.
      CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        companion_id TEXT NOT NULL REFERENCES companions(id),
        kind TEXT NOT NULL CHECK (kind IN ('rfid', 'qr')),
        value TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        revoked_at TEXT,
        UNIQUE (kind, value)
      ) STRICT;
      CREATE INDEX credentials_by_companion ON credentials(companion_id);

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- This kiosk's identity: exactly one row.
      CREATE TABLE device (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1)
      ) STRICT;

      -- The attendance log. Append-only: the triggers below refuse UPDATE and DELETE.
      -- Each row carries the hash of the previous row of the same device (a tamper-evident chain).
      CREATE TABLE attendance_events (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        device_seq INTEGER NOT NULL,
        child_id TEXT NOT NULL REFERENCES children(id),
        kind TEXT NOT NULL CHECK (kind IN ('arrival', 'departure')),
        method TEXT NOT NULL CHECK (method IN ('rfid', 'qr', 'override')),
        companion_id TEXT REFERENCES companions(id),
        credential_id TEXT REFERENCES credentials(id),
        staff_id TEXT REFERENCES staff(id),
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (device_id, device_seq)
      ) STRICT;
      CREATE INDEX attendance_by_child_day ON attendance_events(child_id, local_date, occurred_ms);
      CREATE INDEX attendance_by_day ON attendance_events(local_date, occurred_ms);

      CREATE TRIGGER attendance_events_no_update BEFORE UPDATE ON attendance_events
      BEGIN SELECT RAISE(ABORT, 'attendance_events is append-only'); END;
      CREATE TRIGGER attendance_events_no_delete BEFORE DELETE ON attendance_events
      BEGIN SELECT RAISE(ABORT, 'attendance_events is append-only'); END;

      -- Credentials the kiosk refused (unknown, unreadable, revoked): kept for the admins.
      CREATE TABLE refused_attempts (
        id TEXT PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('rfid', 'qr')),
        presented TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX refused_attempts_by_time ON refused_attempts(occurred_ms);
      CREATE TRIGGER refused_attempts_no_update BEFORE UPDATE ON refused_attempts
      BEGIN SELECT RAISE(ABORT, 'refused_attempts is append-only'); END;
      CREATE TRIGGER refused_attempts_no_delete BEFORE DELETE ON refused_attempts
      BEGIN SELECT RAISE(ABORT, 'refused_attempts is append-only'); END;
    `);
  },
};
