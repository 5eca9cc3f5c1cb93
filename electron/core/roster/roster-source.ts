// Where this machine's roster comes from (docs/peers.md §5 "The city roster", §6): an enrolled machine pulls the
// city's itself, so the roster's rows (and the city's staff accounts) are its pull's and never records; a machine on
// its own, or holding the demo it made up, keeps them itself, and they travel as records.
import type { Database } from 'better-sqlite3';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { holdsLocalDemo } from './demo-kindergarten.js';

export function cityRosterPulledHere(db: Database): boolean {
  return new SyncStateStore(db).get(SYNC_KEYS.serverUrl) !== null && !holdsLocalDemo(db);
}
