// Companions' cards enrolled and revoked at the kiosk (issue 6): where a credential came from, the change log the
// city is told from, and the two CHECK lists that must learn the new record type and the new admin acts.
//
// The change log is its own table rather than the outbox body alone: the admin's screen and the roster pull ask
// "which of this credential's changes has the city not acknowledged yet?" by credential id, which a JSON body cannot
// answer from an index; and the outbox drops sent bodies one day, while who enrolled a card stays.
//
// SQLite cannot alter a CHECK, so sync_outbox (+ its body table) and admin_audit are rebuilt with every row, index and
// trigger as before. The old triggers go first (DROP TABLE fires none, but the explicit drops keep the order plain);
// the old body table is dropped before its parent, so no ON DELETE CASCADE runs; and RENAME rewrites the new body
// table's reference from sync_outbox_next to sync_outbox.
import type { Migration } from '../migration.js';

const RECORD_TYPES = ['attendance', 'override-reason', 'absence', 'correction', 'headcount', 'closing-resolution', 'credential-change'] as const;
const ADMIN_ACTIONS = ['transfer-set', 'transfer-cleared', 'tabel-export', 'settings-changed', 'qr-cards-printed', 'card-enrolled', 'card-revoked'] as const;

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

export const cardChanges: Migration = {
  version: 6,
  name: 'card-changes',
  up: (db) => {
    db.exec(`
      -- 'local': enrolled at this kiosk. The city's roster never removes a local credential whose change it has not
      -- acknowledged (electron/core/roster/roster-apply.ts); once it has, the city's row (same id) is the same card.
      ALTER TABLE credentials ADD COLUMN origin TEXT NOT NULL DEFAULT 'city' CHECK (origin IN ('city', 'local'));

      -- One row per enrolment or revocation made here; id is the credential-change record's id (its outbox record_id).
      -- value is the card number as enrolled, kept even when the credential's own value is later retired.
      CREATE TABLE credential_changes (
        id TEXT PRIMARY KEY,
        credential_id TEXT NOT NULL REFERENCES credentials(id),
        companion_id TEXT NOT NULL REFERENCES companions(id),
        action TEXT NOT NULL CHECK (action IN ('enrol', 'revoke')),
        kind TEXT NOT NULL CHECK (kind IN ('rfid', 'qr')),
        value TEXT NOT NULL CHECK (length(value) > 0),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        reason TEXT,
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        CHECK (action = 'revoke' OR reason IS NULL)
      ) STRICT;
      CREATE INDEX credential_changes_by_credential ON credential_changes(credential_id, occurred_ms);
      CREATE TRIGGER credential_changes_no_update BEFORE UPDATE ON credential_changes
      BEGIN SELECT RAISE(ABORT, 'credential_changes is append-only'); END;
      CREATE TRIGGER credential_changes_no_delete BEFORE DELETE ON credential_changes
      BEGIN SELECT RAISE(ABORT, 'credential_changes is append-only'); END;

      DROP TRIGGER sync_outbox_record_fixed;
      DROP TRIGGER sync_outbox_body_fixed;
      DROP TRIGGER sync_outbox_keep_unsent;
      DROP TRIGGER sync_outbox_body_keep_unsent;
      CREATE TABLE sync_outbox_next (
        seq INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL UNIQUE,
        record_type TEXT NOT NULL CHECK (record_type IN (${list(RECORD_TYPES)})),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT,
        rejected_reason TEXT,
        queued_ms INTEGER NOT NULL,
        sent_ms INTEGER,
        CHECK ((state = 'rejected') = (rejected_reason IS NOT NULL)),
        CHECK ((state = 'sent') = (sent_ms IS NOT NULL))
      ) STRICT;
      INSERT INTO sync_outbox_next (seq, record_id, record_type, state, attempts, last_error, rejected_reason, queued_ms, sent_ms)
        SELECT seq, record_id, record_type, state, attempts, last_error, rejected_reason, queued_ms, sent_ms FROM sync_outbox;
      CREATE TABLE sync_outbox_body_next (
        seq INTEGER PRIMARY KEY REFERENCES sync_outbox_next(seq) ON DELETE CASCADE,
        body TEXT NOT NULL CHECK (json_valid(body))
      ) STRICT;
      INSERT INTO sync_outbox_body_next (seq, body) SELECT seq, body FROM sync_outbox_body;
      DROP TABLE sync_outbox_body;
      DROP TABLE sync_outbox;
      ALTER TABLE sync_outbox_next RENAME TO sync_outbox;
      ALTER TABLE sync_outbox_body_next RENAME TO sync_outbox_body;
      CREATE INDEX sync_outbox_by_state ON sync_outbox(state, seq);
      CREATE TRIGGER sync_outbox_record_fixed BEFORE UPDATE OF seq, record_id, record_type ON sync_outbox
      BEGIN SELECT RAISE(ABORT, 'sync_outbox records are fixed once queued'); END;
      CREATE TRIGGER sync_outbox_body_fixed BEFORE UPDATE ON sync_outbox_body
      BEGIN SELECT RAISE(ABORT, 'sync_outbox records are fixed once queued'); END;
      CREATE TRIGGER sync_outbox_keep_unsent BEFORE DELETE ON sync_outbox WHEN OLD.state <> 'sent'
      BEGIN SELECT RAISE(ABORT, 'sync_outbox keeps pending and rejected records'); END;
      CREATE TRIGGER sync_outbox_body_keep_unsent BEFORE DELETE ON sync_outbox_body
        WHEN EXISTS (SELECT 1 FROM sync_outbox WHERE seq = OLD.seq AND state <> 'sent')
      BEGIN SELECT RAISE(ABORT, 'sync_outbox keeps pending and rejected records'); END;

      DROP TRIGGER admin_audit_no_update;
      DROP TRIGGER admin_audit_no_delete;
      CREATE TABLE admin_audit_next (
        id TEXT PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN (${list(ADMIN_ACTIONS)})),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      INSERT INTO admin_audit_next (id, occurred_at, occurred_ms, action, staff_id, detail)
        SELECT id, occurred_at, occurred_ms, action, staff_id, detail FROM admin_audit;
      DROP TABLE admin_audit;
      ALTER TABLE admin_audit_next RENAME TO admin_audit;
      CREATE INDEX admin_audit_by_time ON admin_audit(occurred_ms);
      CREATE TRIGGER admin_audit_no_update BEFORE UPDATE ON admin_audit
      BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
      CREATE TRIGGER admin_audit_no_delete BEFORE DELETE ON admin_audit
      BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
    `);
  },
};
