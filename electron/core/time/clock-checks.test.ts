import { describe, expect, it } from 'vitest';
import { clockWarnings, MAX_CLOCK_DRIFT_MS } from './clock-checks.js';

describe('the clock warnings', () => {
  it('warns of an OS clock more than two minutes from the city, either way, and not before the city was heard', () => {
    const same = { zoneOffsetMinutes: 300, osOffsetMinutes: 300 };
    expect(clockWarnings({ ...same, cityClockOffsetMs: null })).toEqual([]);
    expect(clockWarnings({ ...same, cityClockOffsetMs: MAX_CLOCK_DRIFT_MS })).toEqual([]);
    expect(clockWarnings({ ...same, cityClockOffsetMs: MAX_CLOCK_DRIFT_MS + 1 })).toEqual(['os-clock-off']);
    expect(clockWarnings({ ...same, cityClockOffsetMs: -MAX_CLOCK_DRIFT_MS - 1 })).toEqual(['os-clock-off']);
  });

  it("warns of an OS zone whose offset now is not the kindergarten's (an old PC still on Almaty's +06)", () => {
    expect(clockWarnings({ zoneOffsetMinutes: 300, osOffsetMinutes: 360, cityClockOffsetMs: 0 })).toEqual(['os-zone-offset-differs']);
    expect(clockWarnings({ zoneOffsetMinutes: 300, osOffsetMinutes: 360, cityClockOffsetMs: 3_600_000 })).toEqual(['os-clock-off', 'os-zone-offset-differs']);
  });
});
