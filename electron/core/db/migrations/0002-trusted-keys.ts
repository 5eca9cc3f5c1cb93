// Public keys the kiosk trusts to sign QR credentials: the city's, and the kiosk's own for the cards it prints.
import type { Migration } from '../migration.js';

export const trustedKeys: Migration = {
  version: 2,
  name: 'trusted-keys',
  up: (db) => {
    db.exec(`
      -- id is the key id a QR code names; public_key the raw 32-byte Ed25519 key.
      -- Rows are never updated: a replaced key is a new id, so codes signed by the old one keep verifying until
      -- its row is removed on purpose.
      CREATE TABLE trusted_keys (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        owner TEXT NOT NULL CHECK (owner IN ('city', 'kiosk')),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER trusted_keys_no_update BEFORE UPDATE ON trusted_keys
      BEGIN SELECT RAISE(ABORT, 'trusted_keys rows are replaced, never edited'); END;
    `);
  },
};
