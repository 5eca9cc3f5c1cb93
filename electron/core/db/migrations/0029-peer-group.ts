// The kindergarten's peer group as this machine belongs to it (docs/peers.md §3 "Identity"), and the addresses an admin
// typed for its members (§4). One row: made when this machine opens its first pairing code (the founder) or takes a
// sponsor's welcome (a joiner), kept across restarts, never changed or dropped (a machine leaves a group only by
// starting afresh, which sets the whole records file aside). Local only: neither table is a record. And an index that
// finds a device's member records in the peer log.
import type { Migration } from '../migration.js';

export const peerGroup: Migration = {
  version: 29,
  name: 'peer-group',
  up(db) {
    db.exec(`
      -- group_id: uuid v7 made by the founder. kindergarten_*: the group's kindergarten as the sponsor named it (the
      -- founder's own row at founding). city_*: whether and where the group is enrolled with a city as the sponsor told
      -- it (PairWelcome.city; never a token); null: not enrolled then, or this machine founded the group (its own
      -- sync state says). sponsor_device_id: who welcomed this machine; null on the founder.
      CREATE TABLE peer_group (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        group_id TEXT NOT NULL,
        kindergarten_id TEXT NOT NULL,
        kindergarten_name TEXT NOT NULL,
        city_url TEXT,
        city_kindergarten_id TEXT,
        sponsor_device_id TEXT,
        made_ms INTEGER NOT NULL,
        CHECK ((city_url IS NULL) = (city_kindergarten_id IS NULL))
      ) STRICT;
      CREATE TRIGGER peer_group_no_update BEFORE UPDATE ON peer_group
      BEGIN SELECT RAISE(ABORT, 'peer_group is fixed once made'); END;
      CREATE TRIGGER peer_group_no_delete BEFORE DELETE ON peer_group
      BEGIN SELECT RAISE(ABORT, 'peer_group is fixed once made'); END;

      -- An address typed by an admin on Computers for a member: dialled before the addresses its member records tell.
      -- Working state of this machine (which LAN it sees the member on), so not a record; the newest typed one stands.
      CREATE TABLE peer_addresses (
        device_id TEXT PRIMARY KEY,
        address TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 80),
        staff_id TEXT NOT NULL,
        set_ms INTEGER NOT NULL
      ) STRICT;

      -- peer_members is projected per device from every member and member-revoked record naming it (ledger/
      -- member-apply.ts): found by the device their body names, not by a scan of the whole log.
      CREATE INDEX peer_log_members ON peer_log(json_extract(body, '$.deviceId'))
        WHERE kind IN ('member', 'member-revoked');
    `);
  },
};
