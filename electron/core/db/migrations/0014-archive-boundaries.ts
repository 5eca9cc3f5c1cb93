// Years moved out of the live database into a yearly archive file (electron/core/ledger/archive/): one append-only
// boundary row per archived year, and the append-only guards narrowed so that exactly the rows a recorded boundary
// covers may be deleted — and nothing else, ever.
//
// Why a boundary and not a flag set for the length of the archive's transaction: the boundary has to be written anyway
// (the chain audit starts from it), it is itself append-only, and a delete it allows names rows that are already
// proven to be in a verified file whose sha256 it records. A flag would allow any delete while it is set; a row below a
// boundary has nowhere else to be but in that file.
import type { Migration } from '../migration.js';

/** The guard a narrowed trigger keeps: the same name and message, refusing every delete the condition does not allow. */
function narrowedDelete(table: string, allowedWhen: string): string {
  return `
    DROP TRIGGER ${table}_no_delete;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      WHEN NOT (${allowedWhen})
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
}

/** The last day of a boundary's year, as the records' local dates are written. */
const YEAR_END = "(b.year || '-12-31')";

/** An attendance event below a boundary: this device's within the archived seq range, another kiosk's dated in that year or before. */
const EVENT_ARCHIVED = (alias: string): string => `EXISTS (SELECT 1 FROM archive_boundaries b WHERE
        (${alias}.device_id = b.device_id AND ${alias}.device_seq BETWEEN b.first_seq AND b.last_seq)
        OR (${alias}.device_id <> b.device_id AND ${alias}.local_date <= ${YEAR_END}))`;

export const archiveBoundaries: Migration = {
  version: 14,
  name: 'archive-boundaries',
  up: (db) => {
    db.exec(`
      -- One row per archived year. This device's chain continues in the live database from head_hash (the hash of
      -- last_seq); the archive file holds first_seq..last_seq, chained on from start_hash (the previous boundary's head,
      -- or the genesis hash). sha256 is the file's as written and verified; counts (JSON) what it holds.
      CREATE TABLE archive_boundaries (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
        device_id TEXT NOT NULL,
        first_seq INTEGER NOT NULL CHECK (first_seq >= 1),
        last_seq INTEGER NOT NULL,
        start_hash TEXT NOT NULL CHECK (length(start_hash) = 64),
        head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
        file_name TEXT NOT NULL UNIQUE CHECK (file_name GLOB 'esik-[0-9][0-9][0-9][0-9].sqlite'),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        counts TEXT NOT NULL CHECK (json_valid(counts)),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        archived_at TEXT NOT NULL,
        archived_ms INTEGER NOT NULL,
        CHECK (last_seq >= first_seq - 1)
      ) STRICT;
      -- Boundaries follow one another: a year's range starts right after the previous one's.
      CREATE TRIGGER archive_boundaries_in_order BEFORE INSERT ON archive_boundaries
        WHEN EXISTS (SELECT 1 FROM archive_boundaries b WHERE b.year >= NEW.year
                        OR (b.device_id = NEW.device_id AND b.last_seq >= NEW.first_seq))
      BEGIN SELECT RAISE(ABORT, 'archive_boundaries must follow the newest boundary'); END;
      CREATE TRIGGER archive_boundaries_no_update BEFORE UPDATE ON archive_boundaries
      BEGIN SELECT RAISE(ABORT, 'archive_boundaries is append-only'); END;
      CREATE TRIGGER archive_boundaries_no_delete BEFORE DELETE ON archive_boundaries
      BEGIN SELECT RAISE(ABORT, 'archive_boundaries is append-only'); END;

      ${narrowedDelete('attendance_events', EVENT_ARCHIVED('OLD'))}
      -- An override's reason goes with its event (it references it): deletable while its event is below a boundary.
      ${narrowedDelete('override_reasons', `EXISTS (SELECT 1 FROM attendance_events e WHERE e.id = OLD.event_id AND ${EVENT_ARCHIVED('e')})`)}
      ${narrowedDelete('closing_resolutions', `EXISTS (SELECT 1 FROM archive_boundaries b WHERE OLD.local_date <= ${YEAR_END})`)}
      -- An absence leaves once its last day is in an archived year (one reaching into the next year stays live).
      ${narrowedDelete('absences', `EXISTS (SELECT 1 FROM archive_boundaries b WHERE OLD.last_date <= ${YEAR_END})`)}

      INSERT INTO admin_audit_actions (name) VALUES ('year-archived');
    `);
  },
};
