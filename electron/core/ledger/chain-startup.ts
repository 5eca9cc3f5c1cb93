// The chain check at start-up, kept within the door-ready budget: the newest events are walked from the point an
// earlier full walk proved (at most START_WALK_LIMIT of them), and the chain's end is compared with the anchor file
// and with the head the city last reported. A file that lacks acknowledged events is never called intact.
import { z } from 'zod';
import type { AttendanceLog } from './attendance-log.js';
import type { AnchorReading } from './chain-anchor.js';
import type { ChainPoint } from './chain-verified-store.js';
import type { ChainCheck, WalkStart } from './event-chain.js';
import { verifyPeerRows, type PeerChainCheck } from './peer-chain.js';
import { PEER_GENESIS_HASH } from './peer-hash.js';
import type { PeerLog } from './peer-log.js';

/** About 100 ms of hashing on a slow machine; the rest of a long history is walked in the background. */
export const START_WALK_LIMIT = 10_000;
/** The peer log's rows carry a signature each (about 0.1 ms to check): about 200 ms at most on a slow machine. */
export const PEER_START_WALK_LIMIT = 2_000;

export type StartupChain =
  /** Events this kiosk acknowledged are not in the file: `missing` of them (null: the count cannot be told). */
  | { kind: 'missing'; missing: number | null; detail: string }
  | {
      kind: 'checked';
      chain: ChainCheck;
      end: 'anchored' | 'unknown';
      /** The walk started at the chain's beginning or a proven point and found it whole: its end is proven too. */
      proven: WalkStart | null;
    };

export interface StartupInput {
  log: AttendanceLog;
  anchor: AnchorReading;
  verified: ChainPoint | null;
  /** The city's chain head as sync last stored it when it disagreed with ours (sync_state chain_head_mismatch). */
  cityMismatch: string | null;
  /** The database file did not exist before this start: nothing can have been lost from it. */
  createdNow: boolean;
  /** The newest archive boundary (ledger/archive/): the chain in this file starts after it; null: from its first event. */
  boundary?: ChainPoint | null;
}

const CityMismatchSchema = z.object({ theirs: z.object({ deviceSeq: z.number().int().nonnegative(), hash: z.string() }) });

export function checkChainAtStart(input: StartupInput): StartupChain {
  const { log, anchor } = input;
  const newest = log.newest();
  const fileSeq = newest?.seq ?? 0;

  if (anchor.kind === 'found' && anchor.head.seq > 0) {
    const { head } = anchor;
    if (head.deviceId !== log.deviceId) {
      return { kind: 'missing', missing: head.seq, detail: `the anchor belongs to device ${head.deviceId}, this file to ${log.deviceId}` };
    }
    if (head.seq > fileSeq) {
      return { kind: 'missing', missing: head.seq - fileSeq, detail: `the anchor says the chain ends at seq ${head.seq}; the file ends at ${fileSeq}` };
    }
    if (log.hashAt(head.seq) !== head.hash) {
      return { kind: 'missing', missing: null, detail: `the event at seq ${head.seq} is not the one the anchor names (history rewritten)` };
    }
  }
  const city = cityHeadSeq(input.cityMismatch);
  if (city !== null && city > fileSeq) {
    return { kind: 'missing', missing: city - fileSeq, detail: `the city holds this kiosk's events up to seq ${city}; the file ends at ${fileSeq}` };
  }

  const boundary = input.boundary ?? null;
  // A point at or before the boundary names an event now in an archive file: the walk starts at the boundary instead.
  const verified = input.verified !== null && input.verified.seq <= fileSeq && input.verified.seq > (boundary?.seq ?? 0) ? input.verified : null;
  let from: WalkStart = verified ?? boundary ?? { seq: 0, hash: '' };
  /** From an event in this file (checked first by verifyFrom), or from the boundary or the beginning (verify). */
  let fromEvent = verified !== null;
  let proven = true;
  if (fileSeq - from.seq > START_WALK_LIMIT) {
    // Too long to walk now: start from an unproven event near the end; the background walk proves the rest.
    const seq = fileSeq - START_WALK_LIMIT;
    from = { seq, hash: log.hashAt(seq) ?? '' };
    fromEvent = true;
    proven = false;
  }
  // A stored point beyond the file's end is itself a lost tail: verifyFrom reports the break there.
  const beyondEnd = input.verified !== null && input.verified.seq > fileSeq;
  const chain = beyondEnd && input.verified !== null ? log.verifyFrom(input.verified) : fromEvent ? log.verifyFrom(from) : log.verify(boundary);
  const end = anchor.kind === 'found' || (input.createdNow && anchor.kind === 'absent') ? 'anchored' : 'unknown';
  return { kind: 'checked', chain, end, proven: proven && chain.intact && newest !== null ? newest : null };
}

function cityHeadSeq(raw: string | null): number | null {
  if (raw === null) return null;
  try {
    const parsed = CityMismatchSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.theirs.deviceSeq : null;
  } catch {
    return null;
  }
}

export interface PeerStartup {
  chain: PeerChainCheck;
  /** The walk started at the log's beginning or a proven point and found it whole: its end is proven too. */
  proven: WalkStart | null;
}

/**
 * This device's peer log from the point an earlier start proved (peer_chain_verified), as checkChainAtStart walks the
 * event chain: the point itself must still hold, at most PEER_START_WALK_LIMIT rows are walked (from an unproven row
 * near the end when more are new), and a broken row is reported with its seq. `signatures: false` when the device key
 * was made anew at this start: the rows before were signed by the lost one, so only their links and hashes can be
 * checked, and the point this walk proves is where the new key's rows start being checked.
 */
export function checkPeerLogAtStart(log: PeerLog, verified: ChainPoint | null, options: { signatures: boolean } = { signatures: true }): PeerStartup {
  const deps = { publicKey: options.signatures ? log.publicKey : null, eventHashOf: (id: string) => log.eventHashOf(id), archivedThrough: log.archivedHeadOf(log.deviceId)?.seq ?? 0 };
  const fileSeq = log.newest()?.seq ?? 0;
  let from: WalkStart = { seq: 0, hash: PEER_GENESIS_HASH };
  if (verified !== null && verified.seq > 0) {
    const point = log.rowAt(log.deviceId, verified.seq);
    // A proven row gone, changed, or no longer computing: the log is broken there (rows after it are not looked at). Its
    // signature is not asked again: it was checked when the point was proven, maybe under a key since lost.
    if (point === null || point.hash !== verified.hash || !verifyPeerRows([point], { seq: point.seq - 1, hash: point.prev_hash }, { ...deps, publicKey: null }).intact) {
      return { chain: { intact: false, rows: verified.seq - 1, brokenAtSeq: verified.seq }, proven: null };
    }
    from = verified;
  }
  let proven = true;
  if (fileSeq - from.seq > PEER_START_WALK_LIMIT) {
    const seq = fileSeq - PEER_START_WALK_LIMIT;
    from = { seq, hash: log.rowAt(log.deviceId, seq)?.hash ?? '' };
    proven = false;
  }
  const chain = verifyPeerRows(log.rowsAfter(log.deviceId, from.seq), from, deps);
  const newest = log.newest();
  return { chain, proven: proven && chain.intact && newest !== null ? newest : null };
}
