// A waiting attendance record keeps its event here (docs/peers.md §5): peer_log holds no body for attendance (the
// event row is its body), and the event row cannot be written while it names a child the roster here does not list
// yet (attendance_events' foreign keys). Without it the record could neither be applied later nor served to a peer.
import type { Migration } from '../migration.js';

export const peerWaitingEvent: Migration = {
  version: 28,
  name: 'peer-waiting-event',
  up(db) {
    db.exec('ALTER TABLE peer_waiting ADD COLUMN event TEXT CHECK (event IS NULL OR json_valid(event))');
  },
};
