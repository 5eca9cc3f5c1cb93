// A kiosk started on a disk that was already full: left cleanly (no -wal, no -shm, and no room to size a new -shm),
// killed (its -wal and -shm left behind), or killed with its -shm since removed. The door starts saying it cannot
// record, unknown cards are still unknown, staff sign in and see who is inside, and it recovers with nobody pressing.
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../shared/api/contract.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { KioskCore, type KioskCoreOptions } from '../../electron/core/kiosk-core.js';
import { manualClock } from '../../electron/core/testing/fixtures.js';
import { watchedCore } from '../../electron/core/testing/watched-core.js';
import { mountSmallDisk } from './small-tmpfs.js';

const mounted = mountSmallDisk(8);
if (mounted.reason !== null) console.log(`[full-disk-start] skipped: ${mounted.reason}`);
afterAll(() => mounted.disk?.unmount());

const PROBE_MS = 100;
const FILES = ['esik.sqlite', 'esik.sqlite-wal', 'esik.sqlite-shm'];
type Left = 'closed cleanly' | 'killed' | 'killed, -shm removed';

/** Leaves the records as the first run ended them: closed, or as a kill -9 leaves them (the -wal not yet folded in). */
async function firstRun(options: KioskCoreOptions, left: Left): Promise<void> {
  const core = new KioskCore(options);
  // The full check runs once the test yields; it would find the next run's file held.
  await core.whenFullyChecked();
  // The mother's arrival: a child who is inside when the kiosk next starts.
  expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
  if (left === 'closed cleanly') {
    core.close();
    return;
  }
  // A copy of the three files while the core holds them open is what a kill leaves: every commit is in the -wal.
  const keep = mkdtempSync(join(tmpdir(), 'esik-killed-'));
  try {
    for (const f of FILES) copyFileSync(join(options.dataDir, f), join(keep, f));
    core.close();
    for (const f of FILES) if (left === 'killed' || f !== 'esik.sqlite-shm') copyFileSync(join(keep, f), join(options.dataDir, f));
  } finally {
    rmSync(keep, { recursive: true, force: true });
  }
}

describe.skipIf(mounted.disk === null)('a start on a disk already full (tmpfs)', () => {
  it.each<Left>(['closed cleanly', 'killed', 'killed, -shm removed'])('left %s: cannot-record at once, unknown cards, staff sign-in, recovery by itself', async (left) => {
    const disk = mounted.disk;
    if (!disk) return;
    for (const f of [...FILES, 'esik.sqlite.anchor']) rmSync(join(disk.dir, f), { force: true });
    const clock = manualClock('2026-11-23T03:10:00.000Z');
    const lines: string[] = [];
    const options = { dataDir: disk.dir, demo: true, clock, log: (line: string) => lines.push(line), storageProbeMs: PROBE_MS };
    await firstRun(options, left);
    expect(existsSync(join(disk.dir, 'esik.sqlite-wal'))).toBe(left !== 'closed cleanly');

    disk.fill();
    const { core, until, payloads } = watchedCore(options);
    const status = (): KioskStatus => {
      const s = core.handlers.getStatus({});
      if (!s.ok) throw new Error('getStatus failed');
      return s.value;
    };
    try {
      // Never the generic "disk I/O error" screen: the door is open, and says it cannot record.
      expect(status()).toMatchObject({ state: 'cannot-record', problem: 'DISK_FULL', door: { state: 'ready', demo: true } });
      // The early warning may stand beside it (a full disk is below any threshold): the door's own alert is this one.
      expect(core.handlers.getStaffAlerts({})).toMatchObject({ ok: true, value: { alerts: expect.arrayContaining([expect.objectContaining({ kind: 'cannot-record', problem: 'DISK_FULL' })]) as unknown } });
      clock.advance(31 * 60_000);
      expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'CANNOT_RECORD' } });
      expect(core.handlers.identifyCard({ raw: '9400001', source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });

      // Staff sign in with the right PIN (the wrong one is still refused) and see who is inside.
      const who = { kind: 'staff', staffId: 'staff-duty' } as const;
      expect(await core.handlers.staffSignIn({ who, pin: '0000' })).toMatchObject({ ok: true, value: { outcome: 'wrong-pin' } });
      const signedIn = await core.handlers.staffSignIn({ who, pin: '1234' });
      if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error(`expected a sign-in, got ${JSON.stringify(signedIn)}`);
      const { sessionId } = signedIn.value.session;
      const headcount = core.handlers.staffHeadcount({ sessionId });
      if (!headcount.ok) throw new Error(`headcount failed: ${headcount.error.code}`);
      expect(headcount.value.live.groups.flatMap((g) => g.presentNames)).toEqual([expect.stringMatching(/^Алиса /)]);

      disk.free();
      await until(() => status().state === 'ready');
      expect(payloads('staffAlertCleared')).toHaveLength(1);
      // The same session goes on; the file is shared again, so other connections (the push, the full check) read it.
      expect(core.handlers.staffKeepAlive({ sessionId })).toEqual({ ok: true, value: {} });
      await core.whenFullyChecked();
      expect(status()).toMatchObject({ state: 'ready', chain: { intact: true, fullCheck: 'done' } });
      expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: true, value: { kind: 'recorded' } });
    } finally {
      core.close();
    }
    expect(lines.filter((l) => l.includes('storage probe failed'))).toEqual([]);

    // What the door and the sign-in held in memory while full is on disk now.
    const db = new BetterSqlite3(join(disk.dir, 'esik.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM refused_attempts WHERE presented = '9400001'").get()).toEqual({ n: 1 });
      expect(db.prepare("SELECT action FROM staff_audit WHERE staff_id = 'staff-duty' AND action LIKE 'sign-in%' ORDER BY occurred_ms, id").all()).toEqual([
        { action: 'sign-in-failed' },
        { action: 'sign-in' },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM attendance_events').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });
});
