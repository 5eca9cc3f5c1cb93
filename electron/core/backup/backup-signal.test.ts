// A backup in its worker thread waits for the door between its steps (backup-signal.ts), never for longer than its
// bound, and the copy it takes meanwhile is still whole and verified: on real SQLite files, real worker threads (the
// backup worker from the sources) and the kiosk core's own door.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished } from 'vitest';
import { demoCards } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { openDatabase } from '../db/open-database.js';
import { ensureDeviceId } from '../ledger/attendance-log.js';
import { walkOwnChain, WALK_STEP_EVENTS } from '../ledger/chain-audit.js';
import { appendEvents } from '../testing/history.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { DOOR_WAIT_MAX_MS, type BackupJobRequest } from './backup-job.js';
import { backupsDir } from './backup-manifest.js';
import { DEFAULT_RETENTION } from './backup-retention.js';
import { startBackupJob } from './backup-runner.js';
import { BackupSignal } from './backup-signal.js';
import { DEV_BACKUP_WORKER_SCRIPT } from './dev-backup-worker-script.js';
import { DB_FILE, recordsFile } from './testing/records-file.js';

const EVENTS = 6_000;

/** Has a worker thread wait for the door on `signal` as a backup step would; answers the ms it waited. */
function waitInThread(signal: BackupSignal, maxMs: number, whenWaiting: () => void = () => undefined): Promise<number> {
  const worker = new Worker(new URL('./backup-signal-probe-dev.mjs', import.meta.url), { workerData: { buffer: signal.buffer, maxMs } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (answer: { ready: true } | { waitedMs: number }) => {
      if ('ready' in answer) whenWaiting();
      else resolve(answer.waitedMs);
    });
  });
}

function request(dataDir: string, path: string, signal: BackupSignal): BackupJobRequest {
  return {
    databasePath: path,
    dataDir,
    kind: 'manual',
    takenMs: Date.parse('2026-12-03T03:00:00Z'),
    nativeBinding: null,
    retention: DEFAULT_RETENTION,
    zone: 300,
    secondPlace: null,
    signal: signal.buffer,
  };
}

describe('a backup waiting for the door', () => {
  it('waits between every step while the door has a request in flight, each wait within its bound, and still verifies the whole copy', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, EVENTS);
    const signal = new BackupSignal();
    // A request the door never finishes: every step of the backup finds the door busy.
    const leave = signal.doorEnters();
    const outcome = await startBackupJob(request(dataDir, path, signal), DEV_BACKUP_WORKER_SCRIPT).outcome;
    leave();
    expect(outcome).toMatchObject({ kind: 'verified', copy: { verified: true, counts: { ownEvents: EVENTS }, head: { seq: EVENTS } } });
    const yielded = signal.yielded();
    // At least one copy step, and one per WALK_STEP_EVENTS events of the chain walk.
    expect(yielded.count).toBeGreaterThan(Math.floor(EVENTS / WALK_STEP_EVENTS));
    // Each wait lasted until its bound ran out (the door never finished), and no longer: the backup went on.
    expect(yielded.ms).toBeGreaterThanOrEqual(yielded.count * DOOR_WAIT_MAX_MS * 0.99);
    expect(signal.phase()).toBe('none');
  }, 60_000);

  it('never waits while the door is quiet', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, EVENTS);
    const signal = new BackupSignal();
    const outcome = await startBackupJob(request(dataDir, path, signal), DEV_BACKUP_WORKER_SCRIPT).outcome;
    expect(outcome).toMatchObject({ kind: 'verified', copy: { counts: { ownEvents: EVENTS } } });
    expect(signal.yielded()).toEqual({ count: 0, ms: 0 });
  }, 60_000);

  it('goes on the moment the door answers, and waits only in a thread that may block', async () => {
    const signal = new BackupSignal();
    const leave = signal.doorEnters();
    // The door's request ends 50 ms after the thread starts waiting, long before its 20-second bound would.
    const waiting = waitInThread(signal, 20_000, () => setTimeout(leave, 50));
    expect(await waiting).toBeLessThan(10_000);
    expect(signal.yielded().count).toBe(1);
    // The door's own thread never blocks on itself (a job run in line, in tests).
    const again = signal.doorEnters();
    expect(signal.yieldToDoor(20_000, false)).toBe(0);
    again();
    // A quiet door: nothing to wait for.
    expect(await waitInThread(signal, 20_000)).toBe(0);
  }, 60_000);

  it('lets every tap at the kiosk’s door record while its copy is taken and verified, the copy whole through a head among them', async () => {
    const dataDir = tempDataDir();
    const clock = manualClock('2026-12-03T03:00:00.000Z');
    // The demo kindergarten with some history, so the backup has steps to wait between.
    new KioskCore({ dataDir, demo: true, clock, log: () => undefined }).close();
    const path = join(dataDir, DB_FILE);
    const db = openDatabase(path);
    const deviceId = ensureDeviceId(db, new Date('2026-11-02T03:00:00Z'));
    appendEvents(db, deviceId, EVENTS);
    const before = db.prepare<[string], number>('SELECT max(device_seq) FROM attendance_events WHERE device_id = ?').pluck().get(deviceId) ?? 0;
    db.close();

    const signal = new BackupSignal();
    const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined, backup: { workerScript: DEV_BACKUP_WORKER_SCRIPT, signal: signal.buffer } });
    onTestFinished(() => core.close());
    const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' });
    if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the demo admin could not sign in');

    let taps = 0;
    let refused: unknown = null;
    const tapping = setInterval(() => {
      clock.advance(31 * 60_000);
      const outcome = core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      if (outcome.ok && outcome.value.kind === 'recorded') taps += 1;
      else refused = outcome;
    }, 1);
    const backup = await core.handlers.adminBackupNow({ sessionId: signedIn.value.session.sessionId });
    clearInterval(tapping);

    expect(refused).toBeNull();
    expect(taps).toBeGreaterThan(0);
    expect(backup).toMatchObject({ ok: true, value: { verified: true } });
    if (!backup.ok) return;
    // A snapshot from somewhere in the stream of taps, whole: its chain walked again here through its head.
    const head = backup.value.head?.seq ?? 0;
    expect(head).toBeGreaterThanOrEqual(before);
    expect(head).toBeLessThanOrEqual(before + taps);
    const copy = new BetterSqlite3(join(backupsDir(dataDir), backup.value.file), { readonly: true });
    onTestFinished(() => {
      copy.close();
    });
    expect(walkOwnChain(copy, deviceId)).toMatchObject({ chain: { intact: true, events: head }, through: { seq: head } });
    // The backup did wait for the door: taps were in flight at some of its steps.
    expect(signal.yielded().count).toBeGreaterThan(0);
  }, 60_000);
});
