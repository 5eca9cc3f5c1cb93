// The joiner's past, where the merge code can ask it (docs/peers.md §9 "Joining with history"): the sponsor writes the
// joiner's last own seq at pairing into its `member` record as `broughtSeq`, and a register record its origin wrote at
// a seq up to it ranks below the group's. peer_members keeps it beside the keys (pinned as they are, from the device's
// first member record), since a joiner's rows come from its sponsor's welcome before the records behind them arrive.
// A founder's row has none (NULL). Rows already held take it from the member records this peer log holds.
import type { Migration } from '../migration.js';

export const peerMemberBrought: Migration = {
  version: 33,
  name: 'peer-member-brought',
  up(db) {
    db.exec(`
      ALTER TABLE peer_members ADD COLUMN brought_seq INTEGER CHECK (brought_seq IS NULL OR brought_seq >= 0);
      UPDATE peer_members SET brought_seq = (
        SELECT json_extract(l.body, '$.broughtSeq') FROM peer_log l
         WHERE l.kind = 'member' AND json_valid(l.body) AND json_extract(l.body, '$.deviceId') = peer_members.device_id
         ORDER BY l.hlc, l.device_id, l.record_id LIMIT 1);
    `);
  },
};
