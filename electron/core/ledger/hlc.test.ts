import { describe, expect, it } from 'vitest';
import { HLC_MAX_AHEAD_MS, HybridClock, formatHlc, parseHlc } from './hlc.js';

const T0 = 1_795_403_523_120;

function fixedClock(start: number): { now: () => number; set: (ms: number) => void } {
  let ms = start;
  return { now: () => ms, set: (next) => (ms = next) };
}

describe('the hybrid logical clock', () => {
  it('formats 13 digits of ms and 4 of counter, ordered as text', () => {
    expect(formatHlc({ ms: T0, counter: 7 })).toBe('1795403523120-0007');
    expect(formatHlc({ ms: 5, counter: 0 })).toBe('0000000000005-0000');
    expect(parseHlc('1795403523120-0007')).toEqual({ ms: T0, counter: 7 });
    expect(() => parseHlc('1795403523120-7')).toThrow(RangeError);
    expect(() => parseHlc('179540352312-0007')).toThrow(RangeError);
  });

  it('follows the wall clock, and counts within one ms', () => {
    const wall = fixedClock(T0);
    const hlc = new HybridClock(wall.now, null);
    expect(hlc.now()).toBe('1795403523120-0000');
    expect(hlc.now()).toBe('1795403523120-0001');
    wall.set(T0 + 5);
    expect(hlc.now()).toBe('1795403523125-0000');
  });

  it('never goes back when the wall clock does, nor after a restart', () => {
    const wall = fixedClock(T0);
    const hlc = new HybridClock(wall.now, null);
    const seen = [hlc.now()];
    wall.set(T0 - 3_600_000); // an hour back (the PC's clock set right)
    for (let i = 0; i < 50; i++) seen.push(hlc.now());
    wall.set(T0 + 1);
    seen.push(hlc.now());
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.at(-1)).toBe('1795403523121-0000');
    // Restarted from its newest row, with the wall clock still behind.
    const restarted = new HybridClock(() => T0 - 60_000, '1795403523121-0000');
    expect(restarted.now()).toBe('1795403523121-0001');
  });

  it('rolls the ms on when the counter is full, rather than wrapping', () => {
    const hlc = new HybridClock(() => T0, '1795403523120-9998');
    expect(hlc.now()).toBe('1795403523120-9999');
    expect(hlc.now()).toBe('1795403523121-0000');
    expect(hlc.now()).toBe('1795403523121-0001');
  });

  it('is raised by what it hears, but never more than 10 minutes past the wall clock', () => {
    const hlc = new HybridClock(() => T0, null);
    expect(hlc.now()).toBe(formatHlc({ ms: T0, counter: 0 }));
    expect(hlc.observe(formatHlc({ ms: T0 - 1000, counter: 3 }))).toEqual({ raised: false, tooFarAhead: false });
    expect(hlc.observe(formatHlc({ ms: T0 + 60_000, counter: 3 }))).toEqual({ raised: true, tooFarAhead: false });
    expect(hlc.now()).toBe(formatHlc({ ms: T0 + 60_000, counter: 4 }));
    // Exactly at the cap: followed. One ms past: warned about, not followed.
    expect(hlc.observe(formatHlc({ ms: T0 + HLC_MAX_AHEAD_MS, counter: 0 }))).toEqual({ raised: true, tooFarAhead: false });
    expect(hlc.observe(formatHlc({ ms: T0 + HLC_MAX_AHEAD_MS + 1, counter: 0 }))).toEqual({ raised: false, tooFarAhead: true });
    expect(hlc.observe('9999999999999-9999')).toEqual({ raised: false, tooFarAhead: true });
    expect(hlc.now()).toBe(formatHlc({ ms: T0 + HLC_MAX_AHEAD_MS, counter: 1 }));
    expect(hlc.peek()).toBe(formatHlc({ ms: T0 + HLC_MAX_AHEAD_MS, counter: 1 }));
  });

  it("follows this machine's own rows uncapped, however far past the wall clock, and never back", () => {
    const hlc = new HybridClock(() => T0, null);
    const own = formatHlc({ ms: T0 + 12 * 86_400_000, counter: 3 });
    hlc.follow(own);
    expect(hlc.peek()).toBe(own);
    hlc.follow(formatHlc({ ms: T0, counter: 0 }));
    expect(hlc.now()).toBe(formatHlc({ ms: T0 + 12 * 86_400_000, counter: 4 }));
  });
});
