// Where this device's event chain was last proven whole from its first event: start-up checks only the events after
// it (a million events cost seconds to walk), and the full walk in the background moves it forward.
import type { Migration } from '../migration.js';

export const chainVerified: Migration = {
  version: 8,
  name: 'chain-verified',
  up: (db) => {
    db.exec(`
      -- One row per device chain. seq and hash name the newest event the last full walk proved; start-up trusts the
      -- point only while that event is still there with the same hash (and its hash still computes), so an edited or
      -- cut tail is never taken on trust. Rows before it are walked again in the background at every start.
      CREATE TABLE chain_verified (
        device_id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        verified_ms INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
