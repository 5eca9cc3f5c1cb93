// A token bucket on the door's clock: a burst of up to `capacity`, then one more every `refillMs`. Pure, so a flood
// test can drive it with a hand-moved clock.
export class TokenBucket {
  private tokens: number;
  private lastMs: number | null = null;

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes one token at `nowMs` if there is one. A clock set back refills nothing (and takes nothing away). */
  take(nowMs: number): boolean {
    if (this.lastMs !== null && nowMs > this.lastMs) {
      this.tokens = Math.min(this.capacity, this.tokens + (nowMs - this.lastMs) / this.refillMs);
    }
    if (this.lastMs === null || nowMs > this.lastMs) this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Returns tokens taken for work that was then undone (a write the disk refused, retried later). */
  giveBack(count: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + count);
  }
}
