import { describe, expect, it } from 'vitest';
import { secondsLeftOf } from './use-countdown.js';

describe('secondsLeftOf', () => {
  it('counts whole seconds down, rounding up', () => {
    expect(secondsLeftOf(5000, 0)).toBe(5);
    expect(secondsLeftOf(5000, 1)).toBe(5);
    expect(secondsLeftOf(5000, 1000)).toBe(4);
    expect(secondsLeftOf(5000, 4999)).toBe(1);
    expect(secondsLeftOf(5000, 5000)).toBe(0);
    expect(secondsLeftOf(5000, 9000)).toBe(0);
  });
});
