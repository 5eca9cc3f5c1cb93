import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { tempDataDir } from '../testing/fixtures.js';
import { ClockOffsetTracker, clockOffsetOf, MAX_CLOCK_DRIFT_MS } from './clock-offset.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

const T = Date.parse('2026-11-23T03:12:00.000Z');

function tracker() {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  onTestFinished(() => {
    db.close();
  });
  const state = new SyncStateStore(db);
  const alerts: number[] = [];
  return { db, state, alerts, tracker: new ClockOffsetTracker(state, (offset) => alerts.push(offset)) };
}

describe('clock offset from the Date header', () => {
  it('compares the city time with the middle of the exchange, half a second into the truncated second', () => {
    // The city wrote 08:17:00 (UTC 03:17:00) while the kiosk went from 03:12:00.000 to 03:12:00.200.
    expect(clockOffsetOf({ serverDateMs: T + 300_000, startedMs: T, finishedMs: T + 200 })).toBe(300_000 + 500 - 100);
    expect(clockOffsetOf({ serverDateMs: T - 60_000, startedMs: T, finishedMs: T })).toBe(-59_500);
  });

  it('gives no estimate without a Date header or when the kiosk clock jumped back mid-request', () => {
    expect(clockOffsetOf({ serverDateMs: null, startedMs: T, finishedMs: T })).toBeNull();
    expect(clockOffsetOf({ serverDateMs: T, startedMs: T, finishedMs: T - 5_000 })).toBeNull();
  });

  it('stores every measurement and tells staff once per drift episode', () => {
    const { state, alerts, tracker: t } = tracker();
    expect(t.current()).toBeNull();
    expect(t.observe({ serverDateMs: T, startedMs: T, finishedMs: T })).toBe(500);
    expect(state.getInt(SYNC_KEYS.clockOffsetMs)).toBe(500);
    expect(alerts).toEqual([]);

    const drifted = { serverDateMs: T + MAX_CLOCK_DRIFT_MS + 60_000, startedMs: T, finishedMs: T };
    t.observe(drifted);
    t.observe(drifted);
    expect(alerts).toEqual([MAX_CLOCK_DRIFT_MS + 60_500]);
    expect(t.current()).toBe(MAX_CLOCK_DRIFT_MS + 60_500);

    // Fixed, then off again (the other way): a new episode, a new alert.
    t.observe({ serverDateMs: T, startedMs: T, finishedMs: T });
    t.observe({ serverDateMs: T - 10 * 60_000, startedMs: T, finishedMs: T });
    expect(alerts).toEqual([MAX_CLOCK_DRIFT_MS + 60_500, -599_500]);
  });

  it('keeps the last offset when a reply cannot tell', () => {
    const { tracker: t } = tracker();
    t.observe({ serverDateMs: T + 2_000, startedMs: T, finishedMs: T });
    expect(t.observe({ serverDateMs: null, startedMs: T, finishedMs: T })).toBeNull();
    expect(t.current()).toBe(2_500);
  });

  it('treats exactly two minutes as no drift', () => {
    const { alerts, tracker: t } = tracker();
    t.observe({ serverDateMs: T + MAX_CLOCK_DRIFT_MS - 500, startedMs: T, finishedMs: T });
    expect(alerts).toEqual([]);
  });
});
