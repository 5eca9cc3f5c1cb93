// A register is decided from every record of it (docs/peers.md §6; ledger/peer-registers.ts reads them by kind): an
// index on the kind, partial so the door's taps (nearly every row, and the tap's write path) never enter it. A reader
// repeats the condition `kind <> 'attendance'` for SQLite to use it.
import type { Migration } from '../migration.js';

export const peerLogByKind: Migration = {
  version: 30,
  name: 'peer-log-by-kind',
  up(db) {
    db.exec(`CREATE INDEX peer_log_by_kind ON peer_log(kind) WHERE kind <> 'attendance'`);
  },
};
