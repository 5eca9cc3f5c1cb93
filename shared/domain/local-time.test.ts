import { describe, expect, it } from 'vitest';
import { hhmmOf, toLocalTime } from './local-time.js';

describe('toLocalTime', () => {
  it('writes Almaty time with its offset and the local day', () => {
    const t = toLocalTime(new Date('2026-11-23T03:12:03.120Z'), 300);
    expect(t.iso).toBe('2026-11-23T08:12:03.120+05:00');
    expect(t.localDate).toBe('2026-11-23');
    expect(t.hhmm).toBe('08:12');
    expect(hhmmOf(t.iso)).toBe('08:12');
  });

  it('puts an event just after local midnight on the new day', () => {
    expect(toLocalTime(new Date('2026-11-22T19:30:00.000Z'), 300).localDate).toBe('2026-11-23');
  });

  it('handles offsets west of UTC and half hours', () => {
    expect(toLocalTime(new Date('2026-01-01T02:00:00.000Z'), -210).iso).toBe('2025-12-31T22:30:00.000-03:30');
  });
});
