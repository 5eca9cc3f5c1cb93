// A staff member's own card tapped at the door is for the staff sign-in: not an unknown card, not a refused attempt.
import BetterSqlite3 from 'better-sqlite3';
import { expect, it } from 'vitest';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

const DUTY_TEACHER_CARD = '0007000001'; // the demo duty teacher's staff card (electron/core/staff/demo-staff.ts)

it('answers STAFF_CARD for a staff card typed at the door, keeps no refused attempt, and still refuses an unknown card', () => {
  const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock: manualClock('2026-11-23T03:10:00.000Z'), log: () => undefined });
  try {
    const tap = (raw: string) => core.handlers.identifyCard({ raw, source: 'keyboard-wedge' });
    expect(tap(DUTY_TEACHER_CARD)).toEqual({ ok: false, error: { code: 'STAFF_CARD' } });
    expect(tap('0009999999')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      expect(db.prepare('SELECT presented, reason FROM refused_attempts').all()).toEqual([{ presented: '9999999', reason: 'unknown-card' }]);
      expect(db.prepare('SELECT COUNT(*) FROM attendance_events').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  } finally {
    core.close();
  }
});
