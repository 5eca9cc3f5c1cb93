import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskStatus, ScanOutcome } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { demoCards } from './demo/demo-roster.js';
import { diskFixture } from './testing/full-disk.js';
import { manualClock, tempDataDir } from './testing/fixtures.js';
import { watchedCore } from './testing/watched-core.js';
import { KioskCore } from './kiosk-core.js';

const PROBE_MS = 5_000;

afterEach(() => {
  vi.useRealTimers();
});

function kiosk() {
  vi.useFakeTimers({ toFake: ['setInterval'] });
  const disk = diskFixture();
  const clock = manualClock('2026-11-23T03:10:00.000Z'); // 08:10 in Almaty
  const dataDir = tempDataDir();
  const watched = watchedCore({ dataDir, demo: true, clock, log: () => undefined, storageProbeMs: PROBE_MS, onDatabaseOpened: disk.onDatabaseOpened });
  const tap = (raw: string): Result<ScanOutcome> => watched.core.handlers.identifyCard({ raw, source: 'keyboard-wedge' });
  const status = (): KioskStatus => {
    const s = watched.core.handlers.getStatus({});
    if (!s.ok) throw new Error('getStatus failed');
    return s.value;
  };
  const count = (sql: string): number => {
    const db = new BetterSqlite3(watched.core.databasePath, { readonly: true });
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  return { ...watched, disk, clock, tap, status, count };
}

/** Taps the one-child card (a new arrival or departure each time) until the disk refuses one; returns how many were recorded. */
function tapUntilRefused(k: ReturnType<typeof kiosk>): number {
  for (let recorded = 0; recorded < 300; recorded++) {
    // Past the repeat window and the departure guard: every tap is a new event.
    k.clock.advance(31 * 60_000);
    const result = k.tap(demoCards.motherOneChild);
    if (!result.ok) {
      expect(result.error.code).toBe('CANNOT_RECORD');
      return recorded;
    }
    expect(result.value.kind).toBe('recorded');
  }
  throw new Error('the capped database never filled');
}

describe('a full disk, told as it is', () => {
  it('never says "recorded" for what is not on disk, alerts staff, and recovers by itself when space returns', () => {
    const k = kiosk();
    expect(k.status().state).toBe('ready');
    k.disk.fill();
    const recorded = tapUntilRefused(k);
    // Each "recorded" before the refusal is on disk; the refused tap is not.
    expect(k.count('SELECT count(*) AS n FROM attendance_events')).toBe(recorded);

    const status = k.status();
    expect(status).toMatchObject({ state: 'cannot-record', problem: 'DISK_FULL', door: { state: 'ready', kindergartenName: expect.any(String) as string } });
    expect(k.payloads('statusChanged').at(-1)).toEqual(status);
    const alerts = k.payloads('staffAlert').filter((a) => a.kind === 'cannot-record');
    expect(alerts).toEqual([{ id: expect.any(String) as string, kind: 'cannot-record', problem: 'DISK_FULL', at: expect.stringMatching(/^\d\d:\d\d$/) as string }]);
    expect(k.core.handlers.getStaffAlerts({})).toEqual({ ok: true, value: { alerts, kept: 0 } });

    // A known card again: still not recorded, and said so.
    k.clock.advance(31 * 60_000);
    expect(k.tap(demoCards.motherOneChild)).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });
    // Unknown cards are still unknown, whether or not their refused attempt can be kept.
    for (let i = 0; i < 50; i++) expect(k.tap(String(9_100_000 + i))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });

    // The probe keeps finding the disk full; nobody presses anything.
    vi.advanceTimersByTime(3 * PROBE_MS);
    expect(k.status().state).toBe('cannot-record');

    k.disk.free();
    vi.advanceTimersByTime(PROBE_MS);
    expect(k.status()).toMatchObject({ state: 'ready' });
    expect(k.payloads('staffAlertCleared')).toEqual([{ id: alerts[0]?.id }]);
    expect(k.core.handlers.getStaffAlerts({})).toEqual({ ok: true, value: { alerts: [], kept: 0 } });
    // The refused attempts the full disk could not take are kept now.
    expect(k.count("SELECT count(*) AS n FROM refused_attempts WHERE presented LIKE '91000%'")).toBe(50);

    k.clock.advance(31 * 60_000);
    expect(k.tap(demoCards.motherOneChild)).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    expect(k.count('SELECT count(*) AS n FROM attendance_events')).toBe(recorded + 1);
    k.core.close();
  });

  it('tells a confirm on a full disk it was not recorded, and keeps the choice open for a retry', () => {
    const k = kiosk();
    k.disk.fill();
    // Fill the pages' slack with one-child taps first, so the confirm itself needs a new page.
    tapUntilRefused(k);
    // Choosing writes nothing: the door still offers the children.
    const scan = k.tap(demoCards.grandmotherTwoGroups);
    if (!scan.ok || scan.value.kind !== 'choose') throw new Error('expected the children to choose from');
    const before = k.count('SELECT count(*) AS n FROM attendance_events');
    const ids = scan.value.children.map((c) => c.id);
    expect(k.core.handlers.confirmOffer({ offerId: scan.value.offerId, childIds: ids, answers: { leavingNow: [] } })).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });
    expect(k.count('SELECT count(*) AS n FROM attendance_events')).toBe(before);
    k.disk.free();
    vi.advanceTimersByTime(PROBE_MS);
    expect(k.core.handlers.confirmOffer({ offerId: scan.value.offerId, childIds: ids, answers: { leavingNow: [] } })).toMatchObject({ ok: true });
    expect(k.count('SELECT count(*) AS n FROM attendance_events')).toBe(before + 2);
    k.core.close();
  });

  it('says a read-only disk is read-only, and records again once it can write', () => {
    const k = kiosk();
    k.disk.readOnly();
    k.clock.advance(31 * 60_000);
    expect(k.tap(demoCards.motherOneChild)).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });
    expect(k.status()).toMatchObject({ state: 'cannot-record', problem: 'READ_ONLY' });
    expect(k.tap('9200001')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    vi.advanceTimersByTime(PROBE_MS);
    expect(k.status().state).toBe('cannot-record');
    k.disk.free();
    vi.advanceTimersByTime(PROBE_MS);
    expect(k.status().state).toBe('ready');
    expect(k.tap(demoCards.motherOneChild)).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    k.core.close();
  });

  it('ends a start on a full disk in the cannot-record state, and opens by itself when space returns', () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const disk = diskFixture();
    // Full before the first start: the schema fits, the demo kindergarten does not.
    disk.fill();
    const { core, payloads } = watchedCore({ dataDir: tempDataDir(), demo: true, log: () => undefined, storageProbeMs: PROBE_MS, onDatabaseOpened: disk.onDatabaseOpened });
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record', problem: 'DISK_FULL', door: null } });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });
    expect(core.handlers.getStaffAlerts({})).toMatchObject({ ok: true, value: { alerts: [{ kind: 'cannot-record', problem: 'DISK_FULL' }] } });
    vi.advanceTimersByTime(2 * PROBE_MS);
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record' } });

    disk.free();
    vi.advanceTimersByTime(PROBE_MS);
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', demo: true } });
    expect(payloads('statusChanged').at(-1)).toMatchObject({ state: 'ready' });
    expect(core.handlers.getStaffAlerts({})).toEqual({ ok: true, value: { alerts: [], kept: 0 } });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    core.close();
  });
});

describe('the storage probe', () => {
  it('survives an error that is not about the disk and keeps probing', () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const disk = diskFixture();
    const lines: string[] = [];
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    let db: BetterSqlite3.Database | null = null;
    const core = new KioskCore({
      dataDir: tempDataDir(),
      demo: true,
      clock,
      log: (line) => lines.push(line),
      storageProbeMs: PROBE_MS,
      onDatabaseOpened: (opened) => {
        db = opened;
        disk.onDatabaseOpened(opened);
      },
    });
    disk.readOnly();
    clock.advance(31 * 60_000);
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });
    // Another connection holds the write lock past the busy timeout: SQLITE_BUSY, which says nothing about the disk.
    const other = new BetterSqlite3(core.databasePath);
    other.exec('BEGIN IMMEDIATE');
    (db as BetterSqlite3.Database | null)?.pragma('busy_timeout = 0');
    disk.free();
    vi.advanceTimersByTime(PROBE_MS);
    expect(lines.some((l) => l.includes('storage probe failed'))).toBe(true);
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record' } });
    other.exec('ROLLBACK');
    other.close();
    vi.advanceTimersByTime(PROBE_MS);
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready' } });
    core.close();
  });
});
