// Tells a keyboard-mode card reader or 2D scanner from a person at a keyboard by timing alone (no DOM here):
// readers and scanners type a few ms per key, people at least ~80 ms per key. What the burst is (a card number or
// a QR text) is decided afterwards (route-burst.ts).

export interface CardBurst {
  raw: string;
}

export interface CardBurstOptions {
  /** Longest gap between two keys of one burst. Readers manage a few ms; 30 ms leaves room for a slow PC. */
  maxGapMs?: number;
  /** Fewest characters of a burst ended by Enter or Tab. */
  minLength?: number;
  /** Fewest characters of a burst with no suffix (flush): longer, as there is no Enter to vouch for it. */
  flushMinLength?: number;
  /** Quiet time after which a burst with no suffix counts as finished. */
  flushQuietMs?: number;
  /** Longest burst handed out: the contract's identifyQr limit (a card number is far shorter). */
  maxLength?: number;
}

/** One printable character: QR texts may hold any, card numbers are digits, hex and separators. */
function isPrintable(key: string): boolean {
  return [...key].length === 1 && key >= ' ' && key !== '\u007f';
}

export class CardBurstDetector {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly flushMinLength: number;
  private readonly flushQuietMs: number;
  private readonly maxLength: number;
  private buffer = '';
  private lastMs = Number.NEGATIVE_INFINITY;

  constructor(options: CardBurstOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 30;
    this.minLength = options.minLength ?? 6;
    this.flushMinLength = options.flushMinLength ?? 8;
    this.flushQuietMs = options.flushQuietMs ?? 100;
    this.maxLength = options.maxLength ?? 16_384;
  }

  /** True while characters of a possible burst are held (the caller may then schedule a flush). */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  /** The characters held so far. */
  get held(): string {
    return this.buffer;
  }

  /**
   * One key: a single character, or a key name such as "Enter", "Tab", "Escape".
   * Returns the card when this key completes a burst.
   */
  feed(key: string, timeMs: number): CardBurst | null {
    const gap = timeMs - this.lastMs;
    const fast = gap <= this.maxGapMs;

    if (key === 'Enter' || key === 'Tab') {
      const burst = fast ? this.take(this.minLength) : null;
      this.reset();
      return burst;
    }

    if (!isPrintable(key)) {
      this.reset();
      return null;
    }

    // A suffix-less burst whose flush timer has not run yet (a busy PC): it is over, hand it out now.
    const unflushed = gap >= this.flushQuietMs ? this.take(this.flushMinLength) : null;
    // A slow gap means a person typed the previous key: start again at this one, so human typing never adds up.
    this.buffer = fast ? this.buffer + key : key;
    this.lastMs = timeMs;
    return unflushed;
  }

  /** True when a key at timeMs would extend the burst being held (the caller may keep it from doing anything else). */
  continues(timeMs: number): boolean {
    return this.buffer.length > 0 && timeMs - this.lastMs <= this.maxGapMs;
  }

  /**
   * For readers that send no Enter/Tab: the burst is over after a quiet spell. A burst too short to hand out is
   * kept, not dropped: the caller's timer may have run while the rest of the keys still waited behind a busy main
   * thread, and their own time stamps tell whether they continue it.
   */
  flush(nowMs: number): CardBurst | null {
    if (this.buffer.length < this.flushMinLength || nowMs - this.lastMs < this.flushQuietMs) return null;
    const burst = this.take(this.flushMinLength);
    this.reset();
    return burst;
  }

  reset(): void {
    this.buffer = '';
    this.lastMs = Number.NEGATIVE_INFINITY;
  }

  private take(minLength: number): CardBurst | null {
    const raw = this.buffer;
    if (raw.length < minLength || raw.length > this.maxLength) return null;
    this.buffer = '';
    return { raw };
  }
}
