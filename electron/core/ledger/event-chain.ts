// The tamper-evident chain: each event's hash covers its fields and the previous event's hash of the same device.
import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: string;
  device_id: string;
  device_seq: number;
  child_id: string;
  kind: string;
  method: string;
  companion_id: string | null;
  credential_id: string | null;
  staff_id: string | null;
  occurred_at: string;
  occurred_ms: number;
  local_date: string;
  prev_hash: string;
}

/** A fixed field order, so the same event always hashes the same on every machine and version. */
export function eventHash(e: ChainedFields): string {
  const canonical = JSON.stringify([
    'esik-event-v1',
    e.id,
    e.device_id,
    e.device_seq,
    e.child_id,
    e.kind,
    e.method,
    e.companion_id,
    e.credential_id,
    e.staff_id,
    e.occurred_at,
    e.occurred_ms,
    e.local_date,
    e.prev_hash,
  ]);
  return sha256Hex(canonical);
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The text eventHash hashes, built by SQLite from the stored columns (the same fields in the same order): a walk over a
 * million events then reads one text a row instead of fourteen values. JSON.stringify stays the definition: a row whose
 * text from SQLite hashes differently is hashed again through eventHash before it counts as broken.
 */
export const CANONICAL_EVENT_SQL =
  "json_array('esik-event-v1', id, device_id, device_seq, child_id, kind, method, companion_id, credential_id, staff_id, occurred_at, occurred_ms, local_date, prev_hash)";

export interface ChainCheck {
  intact: boolean;
  events: number;
  brokenAtSeq: number | null;
}

/** Where a walk starts: the chain's beginning, or an event already proven (its seq and hash). */
export interface WalkStart {
  seq: number;
  hash: string;
}

const GENESIS: WalkStart = { seq: 0, hash: GENESIS_HASH };

/**
 * Walks events in device_seq order, from just after `from` (by default the first event); stops at the first gap,
 * wrong link or wrong hash. `events` counts the events proven, those before `from` included.
 */
export function verifyChain(events: Iterable<ChainedFields & { hash: string }>, from: WalkStart = GENESIS): ChainCheck {
  let prev = from.hash;
  let expectedSeq = from.seq + 1;
  let count = from.seq;
  for (const e of events) {
    if (e.device_seq !== expectedSeq || e.prev_hash !== prev || eventHash(e) !== e.hash) {
      return { intact: false, events: count, brokenAtSeq: e.device_seq };
    }
    prev = e.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { intact: true, events: count, brokenAtSeq: null };
}
