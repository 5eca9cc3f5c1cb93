// Another machine's card and roster changes await the city here as they do at their origin (docs/peers.md §5 "Exactly
// once to the city"): each one applied (or found already applied) is noted pending in peer_city_state until a city-acks
// names it (ledger/city-acks-awaiting.ts). Wrapped around the roster folder's appliers, so neither applier needs to
// know; a record that only waits (its companion not here yet) is noted when a retry applies it.
//
// Only what its origin wrote once it was in the group. Before that lies its backfill (§9): its past hand edits and
// card changes, acknowledged by the city before city-acks existed, and on a machine that kept its own roster the
// roster as it stood, as fresh records the city never gets. None of them will ever be named by a city-acks, and
// awaiting them would keep the city's roster off those rows here for good. "In the group" is by the origin's seq, as
// §9's "the group first" reads it: past the broughtSeq its sponsor wrote, or for the founder past its own `member`
// record. Left: a change made before joining and still unanswered is not kept here meanwhile (as before this rule).
import type { Database, Statement } from 'better-sqlite3';
import { noteAwaitingCity } from '../ledger/city-acks-awaiting.js';
import type { PeerApplier } from '../ledger/peer-applier.js';

/**
 * The last seq a member wrote before it was in the group: a joiner's broughtSeq; a founder's own `member` record (none
 * held yet: the founder's rows come in seq order, so every one before it is before the group); 0 for a machine this
 * one holds no member row of (everything counts).
 */
export const JOINED_AFTER_SQL = `SELECT CASE WHEN m.brought_seq IS NOT NULL THEN m.brought_seq
                                           WHEN l.record_id IS NULL THEN 9007199254740991
                                           WHEN l.device_id = m.device_id THEN l.seq ELSE 0 END AS seq
  FROM peer_members m LEFT JOIN peer_log l ON l.record_id = m.member_record_id WHERE m.device_id = ?`;

const prepared = new WeakMap<Database, Statement<[string], { seq: number }>>();

function joinedAfter(db: Database, deviceId: string): number {
  let s = prepared.get(db);
  if (s === undefined) {
    s = db.prepare<[string], { seq: number }>(JOINED_AFTER_SQL);
    prepared.set(db, s);
  }
  return s.get(deviceId)?.seq ?? 0;
}

export function awaitingCityApplier(apply: PeerApplier): PeerApplier {
  return (db, record) => {
    const result = apply(db, record);
    if (result.outcome === 'applied' && record.seq > joinedAfter(db, record.deviceId)) noteAwaitingCity(db, record.id, record.deviceId);
    return result;
  };
}
