// Where an origin's peer log holds attendance rows whose events are in a yearly archive, not in this file (docs/peers.md
// §5 "Archived years"). The archive keeps every peer_log row (an origin's chain mixes kinds, so deleting its taps' rows
// would leave holes no boundary can describe) and takes only the events; those rows then travel without their event,
// "link-only", and only up to the origin's signed head kept here: written by the archive's own transaction for every
// origin whose events it moved, and by an import that took an origin's link-only rows from a peer, which serves them on
// with the same head. One row per origin; it only ever moves forward.
import type { Migration } from '../migration.js';

export const peerArchived: Migration = {
  version: 34,
  name: 'peer-archived',
  up(db) {
    db.exec(`
      -- through_seq, hash, sig: the origin's signed head (its signature over ["esik-peer-head-v1", device_id, seq, hash])
      -- at or after its newest attendance row whose event is archived. Rows of the origin up to it may lack their event.
      CREATE TABLE peer_archived (
        device_id TEXT PRIMARY KEY,
        through_seq INTEGER NOT NULL CHECK (through_seq >= 1),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        sig BLOB NOT NULL CHECK (length(sig) = 64),
        recorded_ms INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER peer_archived_forward BEFORE UPDATE ON peer_archived
        WHEN NEW.device_id <> OLD.device_id OR NEW.through_seq <= OLD.through_seq
      BEGIN SELECT RAISE(ABORT, 'peer_archived only moves forward'); END;
      CREATE TRIGGER peer_archived_no_delete BEFORE DELETE ON peer_archived
      BEGIN SELECT RAISE(ABORT, 'peer_archived keeps its heads'); END;
    `);
  },
};
