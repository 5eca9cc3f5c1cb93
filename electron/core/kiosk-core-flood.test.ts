import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KioskCore } from './kiosk-core.js';
import { REFUSED_LIMITS } from './door/refused-attempts.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';

describe('a flood of unknown cards at the door', () => {
  it('answers every card "unknown" and keeps a bounded, coalesced table', () => {
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock, log: () => undefined });
    const tap = (raw: string) => core.handlers.identifyCard({ raw, source: 'keyboard-wedge' });
    // 2,000 different cards in about a second, then one card 2,000 times, and a reader that types raw bytes.
    for (let i = 0; i < 2_000; i++) {
      if (i % 2 === 0) clock.advance(1);
      expect(tap(String(9_400_000 + i))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    }
    clock.advance(30 * 60_000);
    for (let i = 0; i < 2_000; i++) {
      clock.advance(250);
      expect(tap('9500001')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    }
    expect(tap('\u0000\u001B\u202E12')).toMatchObject({ ok: false, error: { code: 'CARD_UNREADABLE' } });
    core.close();

    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      const byReason = db.prepare('SELECT reason, count(*) AS rows, sum(seen_count) AS seen FROM refused_attempts GROUP BY reason ORDER BY reason').all();
      expect(byReason).toEqual([
        { reason: 'too-many', rows: 1, seen: 2_000 - REFUSED_LIMITS.burst },
        { reason: 'unknown-card', rows: REFUSED_LIMITS.burst + 1, seen: REFUSED_LIMITS.burst + 2_000 },
        { reason: 'unreadable-card', rows: 1, seen: 1 },
      ]);
      expect(db.prepare("SELECT seen_count FROM refused_attempts WHERE presented = '9500001'").get()).toEqual({ seen_count: 2_000 });
      expect(db.prepare("SELECT presented FROM refused_attempts WHERE reason = 'unreadable-card'").get()).toEqual({ presented: '\\u{0}\\u{1B}\\u{202E}12' });
    } finally {
      db.close();
    }
  });
});
