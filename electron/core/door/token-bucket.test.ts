import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('lets a burst through, then one per refill interval', () => {
    const bucket = new TokenBucket(3, 1_000);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(999)).toBe(false);
    expect(bucket.take(1_000)).toBe(true);
    expect(bucket.take(1_001)).toBe(false);
    // Quiet for long: full again, never more than the capacity.
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([true, true, true, false]);
  });

  it('refills nothing when the clock is set back, and resumes from the newest time', () => {
    const bucket = new TokenBucket(1, 1_000);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(5_000)).toBe(false);
    expect(bucket.take(10_999)).toBe(false);
    expect(bucket.take(11_000)).toBe(true);
  });
});
