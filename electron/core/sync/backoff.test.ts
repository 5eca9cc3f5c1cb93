import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.js';

describe('exponential back-off with full jitter', () => {
  it('doubles the ceiling from the base up to the cap, and draws anywhere below it', () => {
    const backoff = new Backoff({ baseMs: 1_000, capMs: 300_000 }, () => 0.999999);
    const delays = Array.from({ length: 12 }, () => backoff.nextDelayMs());
    expect(delays.slice(0, 5)).toEqual([999, 1_999, 3_999, 7_999, 15_999]);
    expect(Math.max(...delays)).toBeLessThan(300_000);
    expect(delays.at(-1)).toBe(299_999);
    const low = new Backoff({ baseMs: 1_000, capMs: 300_000 }, () => 0);
    expect([low.nextDelayMs(), low.nextDelayMs()]).toEqual([0, 0]);
  });

  it('starts again from the base after a success', () => {
    const backoff = new Backoff({ baseMs: 1_000, capMs: 300_000 }, () => 0.5);
    for (let i = 0; i < 6; i += 1) backoff.nextDelayMs();
    expect(backoff.consecutiveFailures).toBe(6);
    backoff.reset();
    expect(backoff.nextDelayMs()).toBe(500);
  });

  it('stays at the cap after very many failures', () => {
    const backoff = new Backoff({ baseMs: 1_000, capMs: 300_000 }, () => 0.5);
    const delays = Array.from({ length: 5_000 }, () => backoff.nextDelayMs());
    expect(delays.slice(0, 3)).toEqual([500, 1_000, 2_000]);
    expect(delays.slice(10)).toEqual(Array.from({ length: 4_990 }, () => 150_000));
  });
});
