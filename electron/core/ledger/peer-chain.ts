// The walk over this device's own peer log (docs/peers.md §5): each row continues the one before it (seq and
// prev_hash), its hash computes from its fields, its content hash from its body (or, for attendance, is its event's
// stored hash), and every signature it carries verifies under the device key, the newest row's above all (a backfill
// signs only every 1000th row and its last; every live append signs). Stops at the first row that fails.
import type { KeyObject } from 'node:crypto';
import type { WalkStart } from './event-chain.js';
import { bodyContentHash, headSignatureValid, peerRecordHash } from './peer-hash.js';
import type { PeerLogRow } from './peer-log.js';

export interface PeerChainCheck {
  intact: boolean;
  /** Rows proven whole, those before the walk's start included. */
  rows: number;
  brokenAtSeq: number | null;
}

export interface PeerWalkDeps {
  /** null: links and hashes only (the rows were signed by a device key this machine no longer has). */
  publicKey: KeyObject | null;
  /** The stored hash of an attendance event, or null when it is not held. */
  eventHashOf: (eventId: string) => string | null;
  /** Through this seq an attendance row's event may be in a yearly archive (peer_archived): its links still prove it. */
  archivedThrough?: number;
}

function rowHolds(r: PeerLogRow, deps: PeerWalkDeps): boolean {
  const link = { deviceId: r.device_id, seq: r.seq, kind: r.kind, id: r.record_id, hlc: r.hlc, base: r.base, contentHash: r.content_hash, prevHash: r.prev_hash };
  if (peerRecordHash(link) !== r.hash) return false;
  const content = r.kind === 'attendance' ? deps.eventHashOf(r.record_id) : r.body === null ? null : bodyContentHash(r.body);
  const archived = r.kind === 'attendance' && content === null && r.seq <= (deps.archivedThrough ?? 0);
  if (content !== r.content_hash && !archived) return false;
  return r.sig === null || deps.publicKey === null || headSignatureValid(deps.publicKey, r.device_id, r.seq, r.hash, r.sig.toString('base64url'));
}

/** Walks rows in seq order from just after `from` ({seq: 0, hash: genesis} for the beginning). */
export function verifyPeerRows(rows: Iterable<PeerLogRow>, from: WalkStart, deps: PeerWalkDeps): PeerChainCheck {
  let prev = from.hash;
  let expectedSeq = from.seq + 1;
  let last: PeerLogRow | null = null;
  for (const r of rows) {
    if (r.seq !== expectedSeq || r.prev_hash !== prev || !rowHolds(r, deps)) return { intact: false, rows: expectedSeq - 1, brokenAtSeq: r.seq };
    prev = r.hash;
    expectedSeq += 1;
    last = r;
  }
  // An unsigned newest row: nothing vouches for the rows after the last signature (a live append always signs).
  if (last !== null && last.sig === null && deps.publicKey !== null) return { intact: false, rows: last.seq - 1, brokenAtSeq: last.seq };
  return { intact: true, rows: expectedSeq - 1, brokenAtSeq: null };
}
