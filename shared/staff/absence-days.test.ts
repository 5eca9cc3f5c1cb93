import { describe, expect, it } from 'vitest';
import { daysBetween } from './absence-days.js';

describe('absence days', () => {
  it('lists a range with both ends, across a month end', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(daysBetween('2026-02-02', '2026-02-01')).toEqual([]);
  });
});
