// Retry delays for talking to the city: exponential back-off with full jitter (a random delay between zero and
// the exponential ceiling), so a hundred kiosks coming back after a city outage do not knock together.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

export class Backoff {
  private failures = 0;

  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next try after one more failure: uniform in [0, min(cap, base·2^(failures-1))]. */
  nextDelayMs(): number {
    this.failures += 1;
    return Math.floor(this.random() * this.ceilingMs(this.failures));
  }

  /** After a success the next failure starts again from the base. */
  reset(): void {
    this.failures = 0;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  ceilingMs(failures: number): number {
    // 2^(n-1) overflows nothing here: the exponent stops growing once the cap is reached.
    const exponent = Math.min(failures - 1, 40);
    return Math.min(this.policy.capMs, this.policy.baseMs * 2 ** exponent);
  }
}
