// The kiosk on a real disk that fills up: a start on the full disk, taps while it is full, and recovery with nobody
// pressing anything once space is freed. Every "recorded" the door said must be on disk afterwards.
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { KioskStatus, ScanOutcome } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { manualClock } from '../../electron/core/testing/fixtures.js';
import { watchedCore } from '../../electron/core/testing/watched-core.js';
import { mountSmallDisk } from './small-tmpfs.js';

const mounted = mountSmallDisk(8);
if (mounted.reason !== null) console.log(`[full-disk] skipped: ${mounted.reason}`);
afterAll(() => mounted.disk?.unmount());

const PROBE_MS = 100;

describe.skipIf(mounted.disk === null)('a real full disk (tmpfs)', () => {
  it('starts in cannot-record, answers cards truthfully while full, and recovers by itself when space returns', async () => {
    const disk = mounted.disk;
    if (!disk) return;
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const options = { dataDir: disk.dir, demo: true, clock, log: () => undefined, storageProbeMs: PROBE_MS };
    let recorded = 0;
    const tapMother = (core: KioskCore): Result<ScanOutcome> => {
      // Past the repeat window and the departure guard: each tap is a new arrival or departure.
      clock.advance(31 * 60_000);
      const result = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      if (result.ok) {
        expect(result.value.kind).toBe('recorded');
        recorded += 1;
      }
      return result;
    };
    const state = (core: KioskCore): KioskStatus['state'] | undefined => {
      const s = core.handlers.getStatus({});
      return s.ok ? s.value.state : undefined;
    };

    // A first start writes the demo kindergarten; closed cleanly, the WAL is folded in and removed.
    const first = new KioskCore(options);
    expect(tapMother(first)).toMatchObject({ ok: true });
    first.close();

    disk.fill();
    const second = watchedCore(options);
    expect(second.core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record', problem: 'DISK_FULL', door: { state: 'ready' } } });
    clock.advance(31 * 60_000);
    expect(second.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });

    disk.free();
    await second.until(() => state(second.core) === 'ready');
    expect(second.payloads('staffAlertCleared')).toHaveLength(1);
    expect(tapMother(second.core)).toMatchObject({ ok: true });

    // Full while running: taps go on being recorded while SQLite finds room, then the door says it cannot record.
    disk.fill();
    let refused = false;
    for (let i = 0; i < 400 && !refused; i++) {
      const result = tapMother(second.core);
      if (!result.ok) {
        expect(result.error.code).toBe('CANNOT_RECORD');
        refused = true;
      }
    }
    expect(refused).toBe(true);
    expect(state(second.core)).toBe('cannot-record');
    for (let i = 0; i < 20; i++) {
      expect(second.core.handlers.identifyCard({ raw: String(9_300_000 + i), source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });
    }

    disk.free();
    await second.until(() => state(second.core) === 'ready');
    expect(tapMother(second.core)).toMatchObject({ ok: true });
    second.core.close();

    // Every tap the door called recorded is on disk; nothing else is.
    const db = new BetterSqlite3(second.core.databasePath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM attendance_events').get()).toEqual({ n: recorded });
      expect(db.prepare("SELECT count(*) AS n FROM refused_attempts WHERE presented LIKE '93000%'").get()).toEqual({ n: 20 });
    } finally {
      db.close();
    }
  });
});
