// The peer log's hybrid logical clock (docs/peers.md §5): "<13-digit ms>-<4-digit counter>", ordered as text. It orders
// concurrent edits of one register across machines (§6) and never a табель's day. It never goes back, whatever the
// wall clock does, and it follows a peer's clock only up to 10 minutes past this machine's: a peer whose clock is wild
// is warned about, not followed (else one PC set to next year would win every edit for a year).
import { Hlc } from '../../../shared/peers/peer-record.js';

/** How far past this machine's wall clock a heard HLC may raise it. */
export const HLC_MAX_AHEAD_MS = 10 * 60_000;
const COUNTER_MAX = 9999;

interface HlcParts {
  ms: number;
  counter: number;
}

export function formatHlc(parts: HlcParts): string {
  return `${String(parts.ms).padStart(13, '0')}-${String(parts.counter).padStart(4, '0')}`;
}

export function parseHlc(text: string): HlcParts {
  if (!Hlc.safeParse(text).success) throw new RangeError(`not an HLC: ${JSON.stringify(text)}`);
  return { ms: Number(text.slice(0, 13)), counter: Number(text.slice(14)) };
}

/** What observing a heard HLC did: raised this clock to it, or found it too far ahead of the wall clock to follow. */
export interface Observed {
  raised: boolean;
  tooFarAhead: boolean;
}

export class HybridClock {
  private last: HlcParts;

  /** `start`: the newest HLC this machine ever wrote (its own peer-log rows' max), so a restart never goes back. */
  constructor(
    private readonly wallMs: () => number,
    start: string | null,
  ) {
    this.last = start === null ? { ms: 0, counter: 0 } : parseHlc(start);
  }

  /** The next HLC for a record made here: after every one given or heard, and at least the wall clock. */
  now(): string {
    const wall = Math.trunc(this.wallMs());
    if (wall > this.last.ms) this.last = { ms: wall, counter: 0 };
    else if (this.last.counter < COUNTER_MAX) this.last = { ms: this.last.ms, counter: this.last.counter + 1 };
    // 10,000 records within one ms (or a wall clock stuck behind): the ms moves on instead of the counter wrapping.
    else this.last = { ms: this.last.ms + 1, counter: 0 };
    return formatHlc(this.last);
  }

  /** Raises the clock to an HLC heard from a peer, so what is made here next orders after it; a wild one is not followed. */
  observe(heard: string): Observed {
    const parts = parseHlc(heard);
    if (parts.ms > Math.trunc(this.wallMs()) + HLC_MAX_AHEAD_MS) return { raised: false, tooFarAhead: true };
    if (compare(parts, this.last) <= 0) return { raised: false, tooFarAhead: false };
    this.last = parts;
    return { raised: true, tooFarAhead: false };
  }

  /**
   * Raises the clock to one of this machine's own rows written by another of its connections (the core's, the peer
   * worker's, the sync worker's each keep a clock). Not capped as a peer's is: the row is already this origin's past,
   * and its next seq must order after it whatever this connection's wall clock says (a clock set back, a test's).
   */
  follow(ownHlc: string): void {
    const parts = parseHlc(ownHlc);
    if (compare(parts, this.last) > 0) this.last = parts;
  }

  /** The newest HLC given or heard (not a new one). */
  peek(): string {
    return formatHlc(this.last);
  }
}

function compare(a: HlcParts, b: HlcParts): number {
  return a.ms !== b.ms ? a.ms - b.ms : a.counter - b.counter;
}
