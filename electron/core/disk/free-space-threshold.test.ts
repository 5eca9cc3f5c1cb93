import { describe, expect, it } from 'vitest';
import { lowOnSpace, warnBelowBytes } from './free-space-threshold.js';

const GIB = 1024 ** 3;

describe('the early-warning threshold', () => {
  it('scales with the disk: a quarter of a tiny disk, 1 GiB on a small one, 10 % of a larger one, capped at 10 GiB', () => {
    expect(warnBelowBytes({ totalBytes: 64 * 1024 ** 2, growthBytesPerDay: null })).toBe(16 * 1024 ** 2);
    expect(warnBelowBytes({ totalBytes: 8 * GIB, growthBytesPerDay: null })).toBe(GIB);
    expect(warnBelowBytes({ totalBytes: 32 * GIB, growthBytesPerDay: null })).toBe(Math.round(3.2 * GIB));
    expect(warnBelowBytes({ totalBytes: 2000 * GIB, growthBytesPerDay: null })).toBe(10 * GIB);
  });

  it('scales with the kindergarten: 30 days of the observed growth when that is more', () => {
    expect(warnBelowBytes({ totalBytes: 32 * GIB, growthBytesPerDay: 200 * 1024 ** 2 })).toBe(30 * 200 * 1024 ** 2);
    expect(warnBelowBytes({ totalBytes: 32 * GIB, growthBytesPerDay: -5 })).toBe(Math.round(3.2 * GIB));
  });

  it('clears only past a margin, so it does not flap at the edge', () => {
    expect(lowOnSpace(99, 100, false)).toBe(true);
    expect(lowOnSpace(105, 100, false)).toBe(false);
    expect(lowOnSpace(105, 100, true)).toBe(true);
    expect(lowOnSpace(111, 100, true)).toBe(false);
  });
});
