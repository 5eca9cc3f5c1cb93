// Sync with the city: the durable outbox of records to push, a small key/value table for sync's own state, and
// the city-vs-kiosk clock offset on each event.
import type { Migration } from '../migration.js';

export const syncOutbox: Migration = {
  version: 3,
  name: 'sync-outbox',
  up: (db) => {
    db.exec(`
      -- One row per record to push, written in the same transaction as the record itself, so a record on disk is
      -- always either queued or already sent. seq is the push order. Rejected rows stay forever (with the city's
      -- reason) for the staff to see; they are never retried blindly and never dropped.
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        record_type TEXT NOT NULL CHECK (record_type IN ('attendance', 'override-reason', 'absence', 'correction', 'headcount', 'closing-resolution')),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT,
        rejected_reason TEXT,
        queued_ms INTEGER NOT NULL,
        sent_ms INTEGER,
        CHECK ((state = 'rejected') = (rejected_reason IS NOT NULL)),
        CHECK ((state = 'sent') = (sent_ms IS NOT NULL))
      ) STRICT;
      -- "The next pending batch in order", "the recently sent ids" and the per-state counts all read this index.
      CREATE INDEX sync_outbox_by_state ON sync_outbox(state, seq);

      -- The record's JSON exactly as it goes on the wire, apart from its state: it never changes, so a retry after a
      -- lost acknowledgement sends the very same bytes and the city answers "duplicate"; and marking a batch sent
      -- rewrites only the small state rows, not half a kilobyte per record (less I/O beside the door's commits).
      CREATE TABLE sync_outbox_body (
        seq INTEGER PRIMARY KEY REFERENCES sync_outbox(seq) ON DELETE CASCADE,
        body TEXT NOT NULL CHECK (json_valid(body))
      ) STRICT;

      CREATE TRIGGER sync_outbox_record_fixed BEFORE UPDATE OF seq, record_id, record_type ON sync_outbox
      BEGIN SELECT RAISE(ABORT, 'sync_outbox records are fixed once queued'); END;
      CREATE TRIGGER sync_outbox_body_fixed BEFORE UPDATE ON sync_outbox_body
      BEGIN SELECT RAISE(ABORT, 'sync_outbox records are fixed once queued'); END;
      CREATE TRIGGER sync_outbox_keep_unsent BEFORE DELETE ON sync_outbox WHEN OLD.state <> 'sent'
      BEGIN SELECT RAISE(ABORT, 'sync_outbox keeps pending and rejected records'); END;
      CREATE TRIGGER sync_outbox_body_keep_unsent BEFORE DELETE ON sync_outbox_body
        WHEN EXISTS (SELECT 1 FROM sync_outbox WHERE seq = OLD.seq AND state <> 'sent')
      BEGIN SELECT RAISE(ABORT, 'sync_outbox keeps pending and rejected records'); END;

      -- Sync's own small state: cursors, the last success, the clock offset, the enrolled server and device.
      -- Secrets (the bearer token) are never stored here.
      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- City clock minus kiosk clock (ms) when the event was recorded; NULL before the kiosk first heard the city.
      -- Not part of the hash chain: the chain (esik-event-v1) proves what happened at the door and was fixed before
      -- sync existed; the offset is only a hint for the city to correct a drifting kiosk clock, and adding it to the
      -- hash would change the hash of every event already written.
      ALTER TABLE attendance_events ADD COLUMN clock_offset_ms INTEGER;
    `);
  },
};
