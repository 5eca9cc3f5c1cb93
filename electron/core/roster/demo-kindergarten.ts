// The public demo's records are fiction and stay on the machine: whatever would speak to a city asks here first.
import type { Database } from 'better-sqlite3';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

interface KindergartenRow {
  id: string;
  demo: 0 | 1;
}

const kindergartenOf = (db: Database): KindergartenRow | undefined => db.prepare<[], KindergartenRow>('SELECT id, demo FROM kindergarten LIMIT 1').get();

/** Whether the records file holds the demo kindergarten this kiosk made up itself (never one a city sent). */
export function holdsLocalDemo(db: Database): boolean {
  const row = kindergartenOf(db);
  return row?.demo === 1 && new SyncStateStore(db).get(SYNC_KEYS.kindergartenId) !== row.id;
}
