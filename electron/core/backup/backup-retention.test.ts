import { describe, expect, it } from 'vitest';
import { copiesToKeep, DEFAULT_RETENTION, type RetainedCopy } from './backup-retention.js';

const HOUR = 3_600_000;
const start = Date.parse('2026-12-03T00:30:00Z');

/** One copy an hour for `hours` hours, newest last. */
function hourly(hours: number): RetainedCopy[] {
  return Array.from({ length: hours }, (_, i) => ({ file: `c${i}`, kind: 'hourly' as const, takenMs: start - (hours - 1 - i) * HOUR }));
}

describe('which copies are kept', () => {
  it('keeps the newest copy of each of the newest N hours, days, months and years', () => {
    // Three years of hourly copies: 48 hours + the newest of each of 30 days, 12 months, 5 (3 here) years.
    const copies = hourly(3 * 365 * 24);
    const keep = copiesToKeep(copies, DEFAULT_RETENTION, 300);
    // 48 hours, then days 3…30 (today and yesterday are in the hours already), months 2…12, and 3 years: the newest of
    // each bucket, so a day's kept copy is its last one.
    expect(keep.size).toBeGreaterThan(48 + 28 + 10);
    expect(keep.size).toBeLessThanOrEqual(48 + 30 + 12 + 5);
    const newest48 = copies.slice(-48).map((c) => c.file);
    for (const file of newest48) expect(keep.has(file)).toBe(true);
    // The oldest copy is the newest one of the oldest year: kept; the one just after it in the same year is not.
    expect(keep.has(copies[0]?.file ?? '')).toBe(false);
  });

  it('counts days in the kindergarten\'s time, not UTC', () => {
    // 23:30 and 00:30 Almaty time (UTC+5) are two days there, one day in UTC.
    const late = { file: 'late', kind: 'daily' as const, takenMs: Date.parse('2026-12-02T18:30:00Z') };
    const early = { file: 'early', kind: 'daily' as const, takenMs: Date.parse('2026-12-02T19:30:00Z') };
    const policy = { hourly: 0, daily: 2, monthly: 0, yearly: 0 };
    expect(copiesToKeep([late, early], policy, 300)).toEqual(new Set(['early', 'late']));
    expect(copiesToKeep([late, early], policy, 0)).toEqual(new Set(['early']));
  });

  it('always keeps the newest copy and the newest copies taken before migrations', () => {
    const copies: RetainedCopy[] = [
      { file: 'pm1', kind: 'pre-migration', takenMs: start - 900 * 24 * HOUR },
      { file: 'pm2', kind: 'pre-migration', takenMs: start - 800 * 24 * HOUR },
      { file: 'pm3', kind: 'pre-migration', takenMs: start - 700 * 24 * HOUR },
      { file: 'pm4', kind: 'pre-migration', takenMs: start - 600 * 24 * HOUR },
      { file: 'old', kind: 'daily', takenMs: start - 500 * 24 * HOUR },
      { file: 'new', kind: 'manual', takenMs: start },
    ];
    expect(copiesToKeep(copies, { hourly: 0, daily: 0, monthly: 0, yearly: 0 }, 300)).toEqual(new Set(['new', 'pm4', 'pm3', 'pm2']));
  });
});
