import { describe, expect, it } from 'vitest';
import { dueBackup, HOUR_MS, RETRY_AFTER_FAILURE_MS } from './backup-schedule.js';

const morning = Date.parse('2026-12-03T03:00:00Z'); // 08:00 in Almaty
const base = { nowMs: morning, zone: 300, newestSeq: 10, lastFailureMs: null };

describe('when a copy is due', () => {
  it('takes a daily copy first, then hourly ones only while the door records', () => {
    expect(dueBackup({ ...base, lastGood: null })).toBe('daily');
    // Yesterday's copy: today's daily one is due.
    expect(dueBackup({ ...base, lastGood: { takenMs: morning - 10 * HOUR_MS, headSeq: 10 } })).toBe('daily');
    // Today's copy an hour ago with taps since: hourly; without taps since, nothing.
    expect(dueBackup({ ...base, lastGood: { takenMs: morning - HOUR_MS, headSeq: 4 } })).toBe('hourly');
    expect(dueBackup({ ...base, lastGood: { takenMs: morning - HOUR_MS, headSeq: 10 } })).toBeNull();
    // Taps, but less than an hour since the last copy.
    expect(dueBackup({ ...base, lastGood: { takenMs: morning - HOUR_MS + 1, headSeq: 4 } })).toBeNull();
  });

  it('waits a while after a failure before trying again', () => {
    expect(dueBackup({ ...base, lastGood: null, lastFailureMs: morning - 60_000 })).toBeNull();
    expect(dueBackup({ ...base, lastGood: null, lastFailureMs: morning - RETRY_AFTER_FAILURE_MS })).toBe('daily');
  });
});
