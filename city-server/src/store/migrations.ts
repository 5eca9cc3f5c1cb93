// The city server's schema, as numbered steps. A database records how many steps it has; a newer one than
// this code knows is refused, so an old binary never writes into a schema it does not understand.
export interface CityMigration {
  version: number;
  name: string;
  sql: string;
}

export const cityMigrations: CityMigration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      -- One reference server hosts one kindergarten; devices and records still carry its id, so the rows say
      -- whose they are and a second kindergarten would need no new columns.
      CREATE TABLE kindergarten (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        demo INTEGER NOT NULL CHECK (demo IN (0, 1)),
        utc_offset_minutes INTEGER NOT NULL
      );

      CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Only the SHA-256 of a code is kept: a copy of the database does not enroll a kiosk.
      CREATE TABLE enrollment_codes (
        code_hash TEXT PRIMARY KEY,
        kindergarten_id TEXT NOT NULL REFERENCES kindergarten(id),
        issued_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT
      );

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        kindergarten_id TEXT NOT NULL REFERENCES kindergarten(id),
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        -- The longest prefix of the device's hash chain the city holds, linked from the genesis hash.
        head_seq INTEGER NOT NULL DEFAULT 0,
        head_hash TEXT NOT NULL DEFAULT '${'0'.repeat(64)}',
        -- What the kiosk last said its own head was; kept for the admins when the two disagree.
        claimed_seq INTEGER,
        claimed_hash TEXT
      );

      -- The id is the idempotency key, forever: the primary key makes a second row impossible, not just unlikely.
      -- arrival orders records as the city received them (the peers cursor); body is the record exactly as parsed.
      CREATE TABLE records (
        id TEXT PRIMARY KEY,
        arrival INTEGER NOT NULL UNIQUE,
        type TEXT NOT NULL,
        kindergarten_id TEXT NOT NULL REFERENCES kindergarten(id),
        device_id TEXT NOT NULL,
        device_seq INTEGER,
        local_date TEXT NOT NULL,
        hash TEXT NOT NULL,
        prev_hash TEXT,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      -- Two records at one place of a device's chain would be a forked history.
      CREATE UNIQUE INDEX records_device_seq ON records(device_id, device_seq) WHERE device_seq IS NOT NULL;
      CREATE INDEX records_day ON records(kindergarten_id, local_date, arrival);
      CREATE TRIGGER records_no_update BEFORE UPDATE ON records BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;
      CREATE TRIGGER records_no_delete BEFORE DELETE ON records BEGIN SELECT RAISE(ABORT, 'records are append-only'); END;

      -- The roster as a compacted change log: each row keeps the revision of its last change, a removal keeps
      -- the row with body NULL (a tombstone), so "everything since revision r" is one indexed range.
      CREATE TABLE roster_rows (
        entity TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT,
        rev INTEGER NOT NULL,
        PRIMARY KEY (entity, key)
      );
      CREATE INDEX roster_rows_rev ON roster_rows(rev);
      CREATE TABLE roster_revision (id INTEGER PRIMARY KEY CHECK (id = 1), rev INTEGER NOT NULL);
      INSERT INTO roster_revision (id, rev) VALUES (1, 0);
    `,
  },
  {
    version: 2,
    name: 'chain-by-hash',
    sql: `
      -- A kiosk restored from an older copy asks for its chain after the newest event it still holds, named by hash
      -- (GET /v1/records/chain): one index look-up instead of a walk over the device's records.
      CREATE INDEX records_device_hash ON records(device_id, hash) WHERE device_seq IS NOT NULL;
    `,
  },
];
