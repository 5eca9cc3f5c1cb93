import { describe, expect, it } from 'vitest';
import { idlePhase, warningMsFor } from './idle-phase.js';

describe("the console's idle phases", () => {
  it('stay quiet until 30 s before a 10 min limit, then count the seconds down, then sign out', () => {
    const limit = 600_000;
    expect(idlePhase(limit, 0)).toEqual({ kind: 'quiet' });
    // The door's staff limit (60 s) is long past: the console is still quiet.
    expect(idlePhase(limit, 61_000)).toEqual({ kind: 'quiet' });
    expect(idlePhase(limit, 569_999)).toEqual({ kind: 'quiet' });
    expect(idlePhase(limit, 570_000)).toEqual({ kind: 'warning', secondsLeft: 30 });
    expect(idlePhase(limit, 599_001)).toEqual({ kind: 'warning', secondsLeft: 1 });
    expect(idlePhase(limit, 600_000)).toEqual({ kind: 'idle' });
  });

  it('warn for half of a short limit', () => {
    expect(warningMsFor(40_000)).toBe(20_000);
    expect(idlePhase(40_000, 19_000)).toEqual({ kind: 'quiet' });
    expect(idlePhase(40_000, 21_000)).toEqual({ kind: 'warning', secondsLeft: 19 });
  });
});
