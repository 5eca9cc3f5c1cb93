// What the peer link refused, in this machine's own trail (docs/peers.md §3 "Audit"): a handshake from an unpaired,
// removed or other group's machine, a bad signature, a record page that did not verify. admin_audit names a staff
// member for every act and a refusal has none, so it has its own table. One row per window, reason and remote key
// (the device id the other side claimed, else its address), counted up while its window lasts: a flood of refusals
// grows a number, not the file (peers/refusal-audit.ts holds the rule and the cap on keys per window).
// Forks (a member's row at a held seq with another hash) are kept once per origin and seq: a standing alert that a
// restart does not forget, where the worker's memory did.
import type { Migration } from '../migration.js';

export const peerRefusals: Migration = {
  version: 31,
  name: 'peer-refusals',
  up(db) {
    db.exec(`
      CREATE TABLE peer_refusals (
        id INTEGER PRIMARY KEY,
        window_ms INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 40),
        remote_key TEXT NOT NULL CHECK (length(remote_key) BETWEEN 1 AND 100),
        side TEXT NOT NULL CHECK (side IN ('accepted', 'dialled', 'page')),
        remote TEXT NOT NULL CHECK (length(remote) <= 100),
        first_ms INTEGER NOT NULL,
        last_ms INTEGER NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 1),
        detail TEXT NOT NULL CHECK (length(detail) <= 400),
        UNIQUE (window_ms, reason, remote_key)
      ) STRICT;
      CREATE INDEX peer_refusals_by_time ON peer_refusals(last_ms);
      -- A row is counted up while its window lasts, and nothing else about it changes; none is ever deleted.
      CREATE TRIGGER peer_refusals_no_update BEFORE UPDATE OF id, window_ms, reason, remote_key, side, first_ms ON peer_refusals
      BEGIN SELECT RAISE(ABORT, 'peer_refusals is counted up only'); END;
      CREATE TRIGGER peer_refusals_count_up BEFORE UPDATE OF count ON peer_refusals WHEN NEW.count < OLD.count
      BEGIN SELECT RAISE(ABORT, 'peer_refusals is counted up only'); END;
      CREATE TRIGGER peer_refusals_no_delete BEFORE DELETE ON peer_refusals
      BEGIN SELECT RAISE(ABORT, 'peer_refusals is append-only'); END;

      CREATE TABLE peer_forks (
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        from_device TEXT NOT NULL,
        seen_ms INTEGER NOT NULL,
        why TEXT NOT NULL CHECK (length(why) <= 400),
        PRIMARY KEY (device_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER peer_forks_no_update BEFORE UPDATE ON peer_forks
      BEGIN SELECT RAISE(ABORT, 'peer_forks is append-only'); END;
      CREATE TRIGGER peer_forks_no_delete BEFORE DELETE ON peer_forks
      BEGIN SELECT RAISE(ABORT, 'peer_forks is append-only'); END;
    `);
  },
};
