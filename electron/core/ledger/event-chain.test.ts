import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

function coreWithEvents(dataDir: string, taps: number) {
  const clock = manualClock('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined });
  for (let i = 0; i < taps; i++) {
    core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    // Past the door's guard after an arrival (30 min), so each tap records an event by itself.
    clock.advance(31 * 60_000);
  }
  core.close();
}

function statusOf(dataDir: string) {
  const core = new KioskCore({ dataDir, demo: true, log: () => undefined });
  const status = core.handlers.getStatus({});
  core.close();
  return status.ok ? status.value : null;
}

/** What someone with the sqlite3 tool could do: drop the guard and rewrite history. */
function tamper(path: string, sql: string): void {
  const db = new BetterSqlite3(path);
  db.exec(`DROP TRIGGER attendance_events_no_update; DROP TRIGGER attendance_events_no_delete; ${sql}`);
  db.close();
}

describe('the tamper-evident event chain', () => {
  it('is intact after honest use and across restarts', () => {
    const dir = tempDataDir();
    coreWithEvents(dir, 5);
    expect(statusOf(dir)).toMatchObject({ state: 'ready', chain: { intact: true, events: 5, brokenAtSeq: null } });
  });

  it('shows an edited event', () => {
    const dir = tempDataDir();
    coreWithEvents(dir, 5);
    tamper(`${dir}/esik.sqlite`, "UPDATE attendance_events SET occurred_at = '2026-11-23T07:55:00.000+05:00' WHERE device_seq = 3");
    expect(statusOf(dir)).toMatchObject({ chain: { intact: false, brokenAtSeq: 3 } });
  });

  it('shows a deleted event', () => {
    const dir = tempDataDir();
    coreWithEvents(dir, 5);
    tamper(`${dir}/esik.sqlite`, 'DELETE FROM attendance_events WHERE device_seq = 2');
    expect(statusOf(dir)).toMatchObject({ chain: { intact: false, brokenAtSeq: 3 } });
  });

  it('keeps the door working when the chain is broken (staff are told, companions are not stopped)', () => {
    const dir = tempDataDir();
    coreWithEvents(dir, 2);
    tamper(`${dir}/esik.sqlite`, "UPDATE attendance_events SET kind = 'departure' WHERE device_seq = 1");
    const core = new KioskCore({ dataDir: dir, demo: true, log: () => undefined });
    expect(core.handlers.identifyCard({ raw: demoCards.grandmotherTwoGroups, source: 'keyboard-wedge' }).ok).toBe(true);
    core.close();
  });
});
