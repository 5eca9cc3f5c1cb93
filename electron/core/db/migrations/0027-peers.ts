// Several machines of one kindergarten as peers (docs/peers.md §5, §9): each machine's signed, hash-chained peer log
// and the tables the later steps fill from it (members, register winners, conflicts, records waiting for what they
// name, USB sticks read or written, the relay's outbox for a door with no network). Schema only: no hashing or signing
// in SQL, and no backfill here (peers/backfill.ts does that once, in code, at the first start on this version).
//
// corrections is rebuilt without its UNIQUE(target_type, target_id): two machines apart may each withdraw the same
// record, and both corrections are facts (§6). A second withdrawal on one machine is still refused, in code
// (staff/correction-service.ts), inside the withdrawal's own transaction.
import type { Migration } from '../migration.js';

/** The kinds a peer-log row may have, frozen as this migration knows them (shared/peers/peer-record.ts then). */
const PEER_KINDS = [
  'attendance',
  'override-reason',
  'absence',
  'correction',
  'headcount',
  'closing-resolution',
  'certificate-check',
  'never-come-count',
  'credential-change',
  'roster-change',
  'member',
  'member-revoked',
  'staff-account',
  'staff-pin',
  'staff-lock',
  'staff-card',
  'setting',
  'transfer',
  'paper-day',
  'audit',
  'city-acks',
  'staff-alert-handled',
] as const;

/** The admin's acts around peers (docs/peers.md §3 "Audit"), added migration 0011's way (machine-role-set came with 0026). */
const ADMIN_ACTIONS = ['peer-paired', 'peer-pair-refused', 'peer-revoked', 'peer-refused', 'bundle-written', 'bundle-read', 'bundle-refused'] as const;

const HLC_GLOB = `'${'[0-9]'.repeat(13)}-${'[0-9]'.repeat(4)}'`;

function appendOnly(table: string): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
}

export const peers: Migration = {
  version: 27,
  name: 'peers',
  up: (db) => {
    db.exec(`
      -- The allowed kinds, as 0011 keeps the outbox's record types: a later kind is one INSERT, not a rebuild.
      CREATE TABLE peer_kinds (name TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      ${appendOnly('peer_kinds')}
      ${PEER_KINDS.map((k) => `INSERT INTO peer_kinds (name) VALUES ('${k}');`).join('\n      ')}

      -- One row per record any machine of the group made, each origin's rows chained by prev_hash from seq 1
      -- (hash: ledger/peer-hash.ts peerRecordHash). body is the record's JSON exactly as its origin wrote it, never
      -- rebuilt; NULL for attendance, whose event row is the body (content_hash is then the event's own hash). sig: the
      -- origin's Ed25519 over its head at this row (64 raw bytes), on every live append. received_ms: when this machine
      -- wrote the row (for its own rows, when it was made).
      -- The primary key serves "have" (max seq per origin) and pages (an origin's rows after a seq) from its index;
      -- record_id UNIQUE finds a record by id and refuses one id at two places.
      CREATE TABLE peer_log (
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL UNIQUE,
        hlc TEXT NOT NULL CHECK (hlc GLOB ${HLC_GLOB}),
        base TEXT,
        content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        sig BLOB CHECK (sig IS NULL OR length(sig) = 64),
        body TEXT,
        received_ms INTEGER NOT NULL,
        CHECK ((kind = 'attendance') = (body IS NULL)),
        PRIMARY KEY (device_id, seq)
      ) STRICT;
      CREATE TRIGGER peer_log_kind_allowed BEFORE INSERT ON peer_log
        WHEN NOT EXISTS (SELECT 1 FROM peer_kinds WHERE name = NEW.kind)
      BEGIN SELECT RAISE(ABORT, 'peer_log.kind is not in peer_kinds'); END;
      CREATE TRIGGER peer_log_no_update BEFORE UPDATE ON peer_log
      BEGIN SELECT RAISE(ABORT, 'peer_log is append-only'); END;
      -- The archive's narrowed guard (0014): an attendance row may go only while its event is below a recorded archive
      -- boundary (the archive takes the peer row before the event it names); every other delete is refused.
      CREATE TRIGGER peer_log_no_delete BEFORE DELETE ON peer_log
        WHEN NOT (OLD.kind = 'attendance' AND EXISTS (SELECT 1 FROM attendance_events e JOIN archive_boundaries b
                    ON (e.device_id = b.device_id AND e.device_seq BETWEEN b.first_seq AND b.last_seq)
                    OR (e.device_id <> b.device_id AND e.local_date <= (b.year || '-12-31'))
                  WHERE e.id = OLD.record_id))
      BEGIN SELECT RAISE(ABORT, 'peer_log is append-only'); END;

      -- Where this device's peer log was last proven whole (as chain_verified, 0008, for the event chain): start-up
      -- walks only the rows after it, and trusts it only while that row is still there with the same hash.
      CREATE TABLE peer_chain_verified (
        device_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        verified_ms INTEGER NOT NULL
      ) STRICT;

      -- The group's machines: a projection of member and member-revoked records (§3, §6), so every machine pins every
      -- other machine's keys. Keys as raw bytes.
      CREATE TABLE peer_members (
        device_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('door', 'office')),
        sign_pub BLOB NOT NULL UNIQUE CHECK (length(sign_pub) = 32),
        dh_pub BLOB NOT NULL CHECK (length(dh_pub) = 32),
        qr_key_id TEXT NOT NULL,
        qr_pub BLOB NOT NULL CHECK (length(qr_pub) = 32),
        addrs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(addrs)),
        paired_by TEXT,
        paired_at TEXT NOT NULL,
        member_record_id TEXT NOT NULL,
        revoked_at TEXT,
        accept_up_to_seq INTEGER CHECK (accept_up_to_seq IS NULL OR accept_up_to_seq >= 0),
        CHECK ((revoked_at IS NULL) = (accept_up_to_seq IS NULL))
      ) STRICT;

      -- The current winner of each register (a card, a staff member, a PIN, a setting key…), §6.
      CREATE TABLE peer_registers (
        entity TEXT NOT NULL,
        key TEXT NOT NULL,
        winner_record_id TEXT NOT NULL,
        winner_hlc TEXT NOT NULL CHECK (winner_hlc GLOB ${HLC_GLOB}),
        winner_device TEXT NOT NULL,
        PRIMARY KEY (entity, key)
      ) STRICT, WITHOUT ROWID;

      -- Every concurrent pair of register edits and the rule that decided it, for the console. Append-only: a decision
      -- once listed stays (a later edit that saw both is a new winner, not a change of this row).
      CREATE TABLE peer_conflicts (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        key TEXT NOT NULL,
        kept_record_id TEXT NOT NULL,
        lost_record_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        decided_ms INTEGER NOT NULL,
        UNIQUE (kept_record_id, lost_record_id)
      ) STRICT;
      CREATE INDEX peer_conflicts_by_entity ON peer_conflicts(entity, key);
      ${appendOnly('peer_conflicts')}

      -- Records whose peer-log row is stored but whose effect waits for what they name (a child not pulled yet, a
      -- correction's target whose origin is behind). Rows leave when applied.
      CREATE TABLE peer_waiting (
        record_id TEXT PRIMARY KEY REFERENCES peer_log(record_id),
        waits_for TEXT NOT NULL,
        since_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX peer_waiting_by_need ON peer_waiting(waits_for);
      CREATE INDEX peer_waiting_by_age ON peer_waiting(since_ms);

      -- USB sticks written here and read here (§8): a bundle id read once is never read again.
      CREATE TABLE peer_bundles (
        bundle_id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('written', 'read')),
        sender_device_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        ranges TEXT NOT NULL CHECK (json_valid(ranges)),
        records INTEGER NOT NULL CHECK (records >= 0),
        staff_id TEXT REFERENCES staff(id),
        at_ms INTEGER NOT NULL
      ) STRICT;
      ${appendOnly('peer_bundles')}

      -- Another machine's city-bound records this machine pushes for it under that machine's token (§5 "Exactly once
      -- to the city"): the shape of sync_outbox (0003, types checked 0011's way) with the origin's device id.
      CREATE TABLE relay_outbox (
        seq INTEGER PRIMARY KEY,
        origin_device_id TEXT NOT NULL,
        record_id TEXT NOT NULL UNIQUE,
        record_type TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT,
        rejected_reason TEXT,
        queued_ms INTEGER NOT NULL,
        sent_ms INTEGER,
        CHECK ((state = 'rejected') = (rejected_reason IS NOT NULL)),
        CHECK ((state = 'sent') = (sent_ms IS NOT NULL))
      ) STRICT;
      CREATE INDEX relay_outbox_by_origin_state ON relay_outbox(origin_device_id, state, seq);
      CREATE TABLE relay_outbox_body (
        seq INTEGER PRIMARY KEY REFERENCES relay_outbox(seq) ON DELETE CASCADE,
        body TEXT NOT NULL CHECK (json_valid(body))
      ) STRICT;
      CREATE TRIGGER relay_outbox_record_type_allowed BEFORE INSERT ON relay_outbox
        WHEN NOT EXISTS (SELECT 1 FROM outbox_record_types WHERE name = NEW.record_type)
      BEGIN SELECT RAISE(ABORT, 'relay_outbox.record_type is not in outbox_record_types'); END;
      CREATE TRIGGER relay_outbox_record_fixed BEFORE UPDATE OF seq, origin_device_id, record_id, record_type ON relay_outbox
      BEGIN SELECT RAISE(ABORT, 'relay_outbox records are fixed once queued'); END;
      CREATE TRIGGER relay_outbox_body_fixed BEFORE UPDATE ON relay_outbox_body
      BEGIN SELECT RAISE(ABORT, 'relay_outbox records are fixed once queued'); END;
      CREATE TRIGGER relay_outbox_keep_unsent BEFORE DELETE ON relay_outbox WHEN OLD.state <> 'sent'
      BEGIN SELECT RAISE(ABORT, 'relay_outbox keeps pending and rejected records'); END;
      CREATE TRIGGER relay_outbox_body_keep_unsent BEFORE DELETE ON relay_outbox_body
        WHEN EXISTS (SELECT 1 FROM relay_outbox WHERE seq = OLD.seq AND state <> 'sent')
      BEGIN SELECT RAISE(ABORT, 'relay_outbox keeps pending and rejected records'); END;

      -- corrections without UNIQUE(target_type, target_id) (see the top), every row, check and guard as before, and a
      -- plain index where the UNIQUE's served every "withdrawn?" query. DROP TABLE fires no DELETE trigger and nothing
      -- references corrections.
      CREATE TABLE corrections_next (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL CHECK (target_type IN ('attendance', 'absence')),
        target_id TEXT NOT NULL,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        occurred_at TEXT NOT NULL,
        occurred_ms INTEGER NOT NULL
      ) STRICT;
      INSERT INTO corrections_next (id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms)
        SELECT id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms FROM corrections;
      DROP TABLE corrections;
      ALTER TABLE corrections_next RENAME TO corrections;
      CREATE INDEX corrections_by_target ON corrections(target_type, target_id);
      CREATE TRIGGER corrections_target_exists BEFORE INSERT ON corrections
      WHEN NOT EXISTS (SELECT 1 FROM attendance_events WHERE NEW.target_type = 'attendance' AND id = NEW.target_id)
       AND NOT EXISTS (SELECT 1 FROM absences WHERE NEW.target_type = 'absence' AND id = NEW.target_id)
      BEGIN SELECT RAISE(ABORT, 'a correction must point to an existing record'); END;
      ${appendOnly('corrections')}

      ${ADMIN_ACTIONS.map((a) => `INSERT INTO admin_audit_actions (name) VALUES ('${a}');`).join('\n      ')}
    `);
  },
};
