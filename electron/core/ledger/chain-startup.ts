// The chain check at start-up, kept within the door-ready budget: the newest events are walked from the point an
// earlier full walk proved (at most START_WALK_LIMIT of them), and the chain's end is compared with the anchor file
// and with the head the city last reported. A file that lacks acknowledged events is never called intact.
import { z } from 'zod';
import type { AttendanceLog } from './attendance-log.js';
import type { AnchorReading } from './chain-anchor.js';
import type { ChainPoint } from './chain-verified-store.js';
import type { ChainCheck, WalkStart } from './event-chain.js';

/** About 100 ms of hashing on a slow machine; the rest of a long history is walked in the background. */
export const START_WALK_LIMIT = 10_000;

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

  const verified = input.verified !== null && input.verified.seq <= fileSeq ? input.verified : null;
  let from: WalkStart = verified ?? { seq: 0, hash: '' };
  let proven = true;
  if (fileSeq - from.seq > START_WALK_LIMIT) {
    // Too long to walk now: start from an unproven event near the end; the background walk proves the rest.
    const seq = fileSeq - START_WALK_LIMIT;
    from = { seq, hash: log.hashAt(seq) ?? '' };
    proven = false;
  }
  // A stored point beyond the file's end is itself a lost tail: verifyFrom reports the break there.
  const chain = input.verified !== null && verified === null ? log.verifyFrom(input.verified) : from.seq === 0 ? log.verify() : log.verifyFrom(from);
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
