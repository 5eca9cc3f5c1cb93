// docs/pickup-check.md: a door that has seen nothing of a child today cannot know whether the child is inside, so an
// evening tap is checked as a pick-up, never recorded as an arrival that skips the collect check.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { doorActionFor } from '../../../shared/domain/attendance.js';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';

/** The rule set to `from` (null: off) in a demo kiosk's file, as the Settings page writes it. */
function setRule(databasePath: string, from: string | null): void {
  const db = new BetterSqlite3(databasePath);
  SettingsStore.of(db).set('collectCheckFrom', from);
  db.close();
}

/** The rule as a new kiosk has it: the setting never written. */
const UNTOUCHED = Symbol('untouched');

/** A demo kiosk at `hhmm` in Almaty on Monday 23 November 2026 (UTC+5), the rule from 15:00 unless told otherwise. */
function kioskAt(hhmm: string, from: string | null | typeof UNTOUCHED = '15:00') {
  const [h, m] = hhmm.split(':').map(Number);
  const clock = manualClock(new Date(Date.UTC(2026, 10, 23, (h ?? 0) - 5, m ?? 0)).toISOString());
  const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock, log: () => undefined });
  if (from !== UNTOUCHED) setRule(core.databasePath, from);
  const rows = <T>(sql: string): T[] => {
    const db = new BetterSqlite3(core.databasePath, { readonly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  return { core, clock, rows, tap: (raw: string) => core.handlers.identifyCard({ raw, source: 'keyboard-wedge' }) };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

function choose(outcome: ScanOutcome) {
  if (outcome.kind !== 'choose') throw new Error(`expected choose, got ${outcome.kind}`);
  return outcome;
}

describe('the pick-up check with nothing seen today', () => {
  it('decides by the time of day only while nothing is seen; what was seen decides after that', () => {
    expect(doorActionFor(null, '08:10', '15:00')).toBe('arrival');
    expect(doorActionFor(null, '14:59', '15:00')).toBe('arrival');
    expect(doorActionFor(null, '15:00', '15:00')).toBe('departure');
    expect(doorActionFor('arrival', '08:30', '15:00')).toBe('departure');
    expect(doorActionFor('departure', '17:30', '15:00')).toBe('arrival');
    // Off: nothing seen today is an arrival at any hour.
    expect(doorActionFor(null, '17:30', null)).toBe('arrival');
  });

  it('holds on a new kiosk whose settings nobody opened: from 15:00, an evening tap is checked as a pick-up', () => {
    const { tap } = kioskAt('17:40', UNTOUCHED);
    expect(choose(value(tap(demoCards.nannyMayNotCollect))).children.map((c) => [c.action, c.allowed])).toEqual([
      ['departure', false],
      ['departure', false],
    ]);
  });

  it('is off once an admin clears the hour: an evening tap is then an arrival', () => {
    const { tap } = kioskAt('17:40', null);
    expect(choose(value(tap(demoCards.nannyMayNotCollect))).children.map((c) => [c.action, c.allowed])).toEqual([
      ['arrival', true],
      ['arrival', true],
    ]);
  });

  it('refuses in the evening a nanny who may bring but not collect, and records no arrival', () => {
    const { core, rows, tap } = kioskAt('17:40');
    const scan = choose(value(tap(demoCards.nannyMayNotCollect)));
    expect(scan.children.map((c) => [c.firstName, c.action, c.allowed])).toEqual([
      ['Ерасыл', 'departure', false],
      ['Інжу', 'departure', false],
    ]);
    expect(scan.questions.map((q) => q.kind)).toEqual(['may-not-collect', 'may-not-collect']);
    const confirmed = core.handlers.confirmOffer({ offerId: scan.offerId, childIds: scan.children.map((c) => c.id), answers: { leavingNow: [] } });
    expect(confirmed.ok).toBe(false);
    expect(rows('SELECT kind FROM attendance_events')).toEqual([]);
    expect(rows('SELECT reason FROM refused_attempts')).toEqual([{ reason: 'pickup-not-allowed' }]);
  });

  it('records a departure in the evening for a companion who may collect', () => {
    const { rows, tap } = kioskAt('17:40');
    const outcome = value(tap(demoCards.motherOneChild));
    expect(outcome.kind === 'recorded' && outcome.receipt.entries.map((e) => [e.kind, e.at])).toEqual([['departure', '17:40']]);
    expect(rows('SELECT kind, local_date FROM attendance_events')).toEqual([{ kind: 'departure', local_date: '2026-11-23' }]);
  });

  it('follows the time the admin sets, in the kindergarten zone', () => {
    const { core, tap } = kioskAt('13:30');
    expect(choose(value(tap(demoCards.nannyMayNotCollect))).children.map((c) => c.action)).toEqual(['arrival', 'arrival']);
    setRule(core.databasePath, '13:00');
    const outcome = value(tap(demoCards.motherOneChild));
    expect(outcome.kind === 'recorded' && outcome.receipt.entries.map((e) => e.kind)).toEqual(['departure']);
  });
});
