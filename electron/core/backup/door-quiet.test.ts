// A backup gives way to the door: it takes no step while the door has acted within the quiet time, never waits longer
// than its budget in all, and never blocks the door's own thread (a job run in line). The job tests run the real worker
// from the sources on a real records file while this thread plays the door, stamping every 20 ms.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import type { BackupJobOutcome, BackupJobRequest } from './backup-job.js';
import { backupsDir, INCOMING_FOLDER } from './backup-manifest.js';
import { DEFAULT_RETENTION } from './backup-retention.js';
import { startBackupJob } from './backup-runner.js';
import { DEV_BACKUP_WORKER_SCRIPT } from './dev-backup-worker-script.js';
import { DoorQuiet, DoorWaits, doorRequest } from './door-quiet.js';
import { recordsFile } from './testing/records-file.js';

function jobOf(path: string, dataDir: string, door: DoorQuiet, quietMs: number, budgetMs: number): BackupJobRequest {
  return {
    databasePath: path,
    dataDir,
    kind: 'manual',
    takenMs: Date.parse('2026-12-04T03:00:00Z'),
    nativeBinding: null,
    retention: DEFAULT_RETENTION,
    zone: 300,
    secondPlace: null,
    door: doorRequest(door, quietMs, budgetMs),
  };
}

/** The door tapping every 20 ms until stopped. */
function busyDoor(door: DoorQuiet): { stop: () => void } {
  door.doorActed();
  const timer = setInterval(() => door.doorActed(), 20);
  return { stop: () => clearInterval(timer) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the door as a backup sees it', () => {
  it('has been quiet forever until it acts, then for as long as since its last act', () => {
    const door = new DoorQuiet();
    expect(door.quietForMs(1_000)).toBe(Number.POSITIVE_INFINITY);
    door.doorActed(5_000);
    expect(door.quietForMs(5_250)).toBe(250);
    // Another view of the same buffer (a worker thread's) sees the same act.
    expect(new DoorQuiet(door.buffer).quietForMs(5_400)).toBe(400);
  });

  it('lets a quiet door be at once, waits out the quiet time after an act, and stops waiting at the budget', () => {
    const door = new DoorQuiet();
    expect(new DoorWaits(door, 200, 10_000).untilQuiet()).toBe(0);

    door.doorActed();
    const waited = new DoorWaits(door, 200, 10_000).untilQuiet();
    expect(waited).toBeGreaterThanOrEqual(150);
    expect(door.quietForMs()).toBeGreaterThanOrEqual(200);

    door.doorActed();
    const budgeted = new DoorWaits(door, 60_000, 150);
    expect(budgeted.untilQuiet()).toBeGreaterThanOrEqual(140);
    // The budget is spent: the rest of the job runs straight through.
    expect(budgeted.untilQuiet()).toBe(0);
    expect(budgeted.totalMs()).toBeLessThan(1_000);
  });
});

describe('the kiosk\'s door', () => {
  it('marks each tap on the door its backups give way to', () => {
    const door = new DoorQuiet();
    const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock: manualClock('2026-12-04T03:10:00.000Z'), log: () => undefined, backup: { doorBuffer: door.buffer } });
    try {
      expect(door.quietForMs()).toBe(Number.POSITIVE_INFINITY);
      const tapped = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      expect(tapped.ok).toBe(true);
      expect(door.quietForMs()).toBeLessThan(5_000);
    } finally {
      core.close();
    }
  });
});

describe('a backup job beside a busy door', () => {
  it('takes no step while the door is busy, and is whole once the door goes quiet', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 40);
    const door = new DoorQuiet();
    const busy = busyDoor(door);
    let settled: BackupJobOutcome | null = null;
    const running = startBackupJob(jobOf(path, dataDir, door, 300, 10 * 60_000), DEV_BACKUP_WORKER_SCRIPT);
    void running.outcome.then((outcome) => (settled = outcome));
    // Many times what a 40-event copy takes, the door busy all along: no worker thread made (its memory is not held
    // through a busy morning), no incoming folder, no outcome.
    await sleep(2_000);
    expect(running.workerStarted()).toBe(false);
    expect(existsSync(join(backupsDir(dataDir), INCOMING_FOLDER))).toBe(false);
    expect(settled).toBeNull();
    busy.stop();
    const outcome = await running.outcome;
    expect(outcome).toMatchObject({ kind: 'verified', copy: { verified: true, counts: { ownEvents: 40 } } });
    expect(outcome.waitedForDoorMs).toBeGreaterThanOrEqual(1_900);
  }, 60_000);

  it('begins its worker once the door is quiet, and a kiosk closing while it waits ends it with no thread made', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 10);
    const door = new DoorQuiet();
    const busy = busyDoor(door);
    try {
      const running = startBackupJob(jobOf(path, dataDir, door, 300, 10 * 60_000), DEV_BACKUP_WORKER_SCRIPT);
      await sleep(500);
      running.stop();
      expect(await running.outcome).toMatchObject({ kind: 'failed', detail: 'stopped: the kiosk closed' });
      expect(running.workerStarted()).toBe(false);
      expect(existsSync(join(backupsDir(dataDir), INCOMING_FOLDER))).toBe(false);
    } finally {
      busy.stop();
    }
  });

  it('goes on once its budget is spent, however busy the door stays', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 40);
    const door = new DoorQuiet();
    const busy = busyDoor(door);
    try {
      const outcome = await startBackupJob(jobOf(path, dataDir, door, 60_000, 400), DEV_BACKUP_WORKER_SCRIPT).outcome;
      expect(outcome).toMatchObject({ kind: 'verified', copy: { verified: true } });
      expect(outcome.waitedForDoorMs).toBeGreaterThanOrEqual(390);
      // The job's own waits stop at its budget (the integrity thread waits once on a budget of its own).
      expect(outcome.waitedForDoorMs).toBeLessThan(5_000);
    } finally {
      busy.stop();
    }
  }, 60_000);

  it('never blocks the door\'s own thread: a job run in line ignores the door', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 10);
    const door = new DoorQuiet();
    door.doorActed();
    const started = Date.now();
    const outcome = await startBackupJob(jobOf(path, dataDir, door, 60_000, 60_000), null).outcome;
    expect(outcome).toMatchObject({ kind: 'verified' });
    expect(outcome.waitedForDoorMs).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
