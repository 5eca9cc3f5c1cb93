import { describe, expect, it } from 'vitest';
import { pairDrops, pairKeeps } from './session-pair.js';

const LOW = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0a';
const HIGH = '0193a1f0-5c2e-7d41-8b6a-3f9e2d1c0a0b';

describe('one session per pair', () => {
  it('keeps the connection the lower device id dialled, on both sides', () => {
    expect(pairKeeps(LOW, HIGH, true)).toBe(true);
    expect(pairKeeps(LOW, HIGH, false)).toBe(false);
    expect(pairKeeps(HIGH, LOW, false)).toBe(true);
    expect(pairKeeps(HIGH, LOW, true)).toBe(false);
    // The same connection seen from its two ends is kept by both or dropped by both.
    for (const dialledByLow of [true, false]) expect(pairKeeps(LOW, HIGH, dialledByLow)).toBe(pairKeeps(HIGH, LOW, !dialledByLow));
  });

  it('drops the new session only when the live one is the kept one and the new one is not', () => {
    expect(pairDrops(LOW, HIGH, { dialled: true }, { dialled: false })).toBe('incoming');
    expect(pairDrops(LOW, HIGH, { dialled: false }, { dialled: true })).toBe('live');
    expect(pairDrops(HIGH, LOW, { dialled: false }, { dialled: true })).toBe('incoming');
    expect(pairDrops(HIGH, LOW, { dialled: true }, { dialled: false })).toBe('live');
    // Alike (a reconnect before the old link timed out): the newer stays.
    expect(pairDrops(LOW, HIGH, { dialled: true }, { dialled: true })).toBe('live');
    expect(pairDrops(HIGH, LOW, { dialled: false }, { dialled: false })).toBe('live');
  });
});
