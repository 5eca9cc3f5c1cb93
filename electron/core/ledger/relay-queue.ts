// The office queueing a relayed door's city-bound records (docs/peers.md §5 "Exactly once to the city"): as each
// record of that door is taken in (by LAN or stick), in the import's own transaction, it goes into relay_outbox by its
// id (INSERT OR IGNORE), its body exactly as the door queued it, so the city gets the door's own record. Once the door
// is seen pushing for itself (its own city-acks in the log), nothing more is queued for it.
import type { Database, Statement } from 'better-sqlite3';
import { CITY_KINDS, isCityKind, type PeerRecord } from '../../../shared/peers/peer-record.js';
import type { PeerApplier, PeerAppliers } from './peer-applier.js';
import { heldRecordsAfter } from './peer-log.js';
import { enqueueRelayed } from './relay-outbox-store.js';
import { relayStatePrefix, SYNC_KEYS, SyncStateStore } from './sync-state.js';

/** Whether this machine pushes for that door: it enrolled it (its token is in the secrets, never here). */
export function isRelayedHere(db: Database, deviceId: string): boolean {
  // Asked for every city record a page brings: one prepared lookup per connection.
  let s = relayedKey.get(db);
  if (s === undefined) {
    s = db.prepare('SELECT 1 AS one FROM sync_state WHERE key = ?');
    relayedKey.set(db, s);
  }
  return s.get(relayStatePrefix(deviceId) + SYNC_KEYS.relayEnrolledMs) !== undefined;
}

const relayedKey = new WeakMap<Database, Statement<[string], { one: number }>>();

/** Marks a door relayed from now on, so its records are queued as they are imported (relay enrollment). */
export function markRelayed(db: Database, deviceId: string, nowMs: number): void {
  new SyncStateStore(db, relayStatePrefix(deviceId)).setInt(SYNC_KEYS.relayEnrolledMs, nowMs);
}

const pushesItself = new WeakMap<Database, Statement<[string], { one: number }>>();

/**
 * Whether the door has pushed to the city itself: a city-acks record of its own origin is held. From then on the
 * office stops relaying it, so the city's chain head for the door is the door's own word (§5).
 */
export function relayEnded(db: Database, doorId: string): boolean {
  let s = pushesItself.get(db);
  if (s === undefined) {
    s = db.prepare("SELECT 1 AS one FROM peer_log WHERE device_id = ? AND kind = 'city-acks' LIMIT 1");
    pushesItself.set(db, s);
  }
  return s.get(doorId) !== undefined;
}

/** The city record a peer record carries, as its origin queued it; null for a peer-only kind. */
export function cityRecordOf(record: PeerRecord): { id: string; type: string; body: string } | null {
  if (!isCityKind(record.kind)) return null;
  if (record.kind === 'attendance') return record.event === undefined ? null : { id: record.id, type: 'attendance', body: JSON.stringify(record.event) };
  return record.body === null ? null : { id: record.id, type: record.kind, body: record.body };
}

/** Queues one record for relay when its origin is relayed here and still needs it. Inside the caller's transaction. */
export function queueForRelay(db: Database, record: PeerRecord, isRelayed: (deviceId: string) => boolean, nowMs: number): boolean {
  if (!isRelayed(record.deviceId) || relayEnded(db, record.deviceId)) return false;
  const city = cityRecordOf(record);
  return city === null ? false : enqueueRelayed(db, record.deviceId, city, nowMs);
}

/**
 * The appliers with relay queueing around each city kind, for the doors this database says are relayed here: the record is queued whatever its applier answers (a tap
 * still waiting for its child here is still the door's record for the city); a refusal rolls the page back with it.
 * A city kind with no applier here is queued and then waits, as the importer would have it wait.
 */
export function relayingAppliers(appliers: PeerAppliers, nowMs: () => number): PeerAppliers {
  const wrapped: PeerAppliers = { ...appliers };
  for (const kind of CITY_KINDS) {
    const inner = appliers[kind];
    const applier: PeerApplier = (db, record) => {
      queueForRelay(db, record, (deviceId) => isRelayedHere(db, deviceId), nowMs());
      return inner === undefined ? { outcome: 'waiting', waitsFor: `applier:${kind}` } : inner(db, record);
    };
    wrapped[kind] = applier;
  }
  return wrapped;
}

/** Pages of held records read at once when a relay starts. */
const PAGE = 1000;

/**
 * Queues every held city record of a door when the office starts relaying it (relay enrollment): records taken in
 * before. Already queued ones are ignored by id, and the city answers `duplicate` for any the door pushed itself.
 * Bounded: each page moves the cursor on, and a short page ends it.
 */
export function queueHeldForRelay(db: Database, doorId: string, nowMs: number): number {
  let queued = 0;
  let after = 0;
  for (;;) {
    const page = heldRecordsAfter(db, doorId, after, PAGE);
    const last = page.at(-1);
    if (last === undefined) return queued;
    db.transaction(() => {
      for (const record of page) if (queueForRelay(db, record, () => true, nowMs)) queued += 1;
    }).immediate();
    if (page.length < PAGE) return queued;
    after = last.seq;
  }
}
