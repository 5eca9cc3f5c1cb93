// The kiosk on a real disk that turns read-only under it (a tmpfs remounted ro, as the kernel does to a failing disk)
// and on one that is gone (its file system detached from under the running core): the door never says "recorded" for
// a check-in that is not on the disk, staff hear of it, and it records again by itself when the disk is back.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { KioskStatus, ScanOutcome } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import type { KioskCore } from '../../electron/core/kiosk-core.js';
import { manualClock } from '../../electron/core/testing/fixtures.js';
import { watchedCore } from '../../electron/core/testing/watched-core.js';
import { mountSmallDisk } from './small-tmpfs.js';

const mounted = mountSmallDisk(16);
if (mounted.reason !== null) console.log(`[read-only-disk] skipped: ${mounted.reason}`);
afterAll(() => mounted.disk?.unmount());

const PROBE_MS = 100;

function state(k: KioskCore): KioskStatus['state'] | undefined {
  const s = k.handlers.getStatus({});
  return s.ok ? s.value.state : undefined;
}

function eventsIn(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT count(*) AS n FROM attendance_events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * The kernel refuses to make a file system read-only while a file on it is open for writing: the chain anchor closes
 * its file only after its last fdatasync has come back, a moment after close(). Bounded: 100 tries, 20 ms apart.
 */
async function remountReadOnlyOnceClosed(dir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      remount(dir, 'ro');
      return;
    } catch (error) {
      if (attempt >= 100) throw error;
      await new Promise((wake) => setTimeout(wake, 20));
    }
  }
}

function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
}

describe.skipIf(mounted.disk === null)('a real disk that turns read-only or goes away (tmpfs)', () => {
  it('starts on a read-only disk saying it cannot record, and records by itself once the disk is writable again', async () => {
    const disk = mounted.disk;
    if (!disk) return;
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const options = { dataDir: disk.dir, demo: true, clock, log: () => undefined, storageProbeMs: PROBE_MS };
    const tap = (k: KioskCore): Result<ScanOutcome> => {
      clock.advance(31 * 60_000);
      return k.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    };
    const first = watchedCore(options);
    expect(tap(first.core)).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    first.core.close();
    await first.core.closed();

    await remountReadOnlyOnceClosed(disk.dir);
    let readOnly: ReturnType<typeof watchedCore> | null = null;
    try {
      readOnly = watchedCore(options);
      expect(readOnly.core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record', problem: 'READ_ONLY' } });
      // Raised while the core was being built, before anyone listened: the standing alerts keep it for the screens.
      expect(readOnly.core.handlers.getStaffAlerts({})).toMatchObject({ ok: true, value: { alerts: [{ kind: 'cannot-record', problem: 'READ_ONLY' }] } });
      expect(tap(readOnly.core)).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });
    } finally {
      remount(disk.dir, 'rw');
    }
    const back = readOnly;
    await back.until(() => state(back.core) === 'ready');
    expect(back.payloads('staffAlertCleared')).toHaveLength(1);
    expect(tap(back.core)).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    back.core.close();
    expect(eventsIn(back.core.databasePath)).toBe(2);
  });

  it('says it cannot record once its records file is out of reach (the file system detached), and records again when it is back', async () => {
    const disk = mounted.disk;
    if (!disk) return;
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const dataDir = join(disk.dir, 'gone');
    mkdirSync(dataDir);
    const watched = watchedCore({ dataDir, demo: true, clock, log: () => undefined, storageProbeMs: PROBE_MS, diskCheckMs: PROBE_MS });
    const { core } = watched;
    const tap = (): Result<ScanOutcome> => {
      clock.advance(31 * 60_000);
      return core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    };
    // The same file system is kept reachable elsewhere, so it can be brought back as a dropped share or disk would be.
    const keep = mkdtempSync(join(tmpdir(), 'esik-kept-disk-'));
    execFileSync('mount', ['--bind', disk.dir, keep], { stdio: 'pipe' });
    try {
      expect(tap()).toMatchObject({ ok: true, value: { kind: 'recorded' } });
      execFileSync('umount', ['-l', disk.dir], { stdio: 'pipe' });
      try {
        await watched.until(() => state(core) === 'cannot-record');
        expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'cannot-record', problem: 'DISK_GONE' } });
        expect(watched.payloads('staffAlert').filter((a) => a.kind === 'cannot-record')).toMatchObject([{ problem: 'DISK_GONE' }]);
        // Never "recorded" into a file nobody can reach: refused, and nothing written.
        expect(tap()).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD', detail: 'DISK_GONE' } });
        expect(eventsIn(join(keep, 'gone', 'esik.sqlite'))).toBe(1);
      } finally {
        execFileSync('mount', ['--bind', keep, disk.dir], { stdio: 'pipe' });
      }
      await watched.until(() => state(core) === 'ready');
      expect(watched.payloads('staffAlertCleared')).toHaveLength(1);
      expect(tap()).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    } finally {
      core.close();
      await core.closed();
      execFileSync('umount', ['-l', keep], { stdio: 'pipe' });
      rmSync(keep, { recursive: true, force: true });
    }
    expect(eventsIn(core.databasePath)).toBe(2);
  });
});
