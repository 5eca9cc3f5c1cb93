// Backup benchmarks, through the backup worker thread exactly as the kiosk runs it (electron/core/backup/):
// - backup_1m_s: a verified copy of the million-event database (bench/admin-fixture.ts): the online copy, then SQLite's
//   integrity check and the walk over the whole chain; with the copy and check parts apart.
// - tap_to_confirm_p95_during_backup_ms / tap_to_confirm_p95_idle_between_backups_ms: single-child card taps through
//   KioskCore (identifyCard, which records the event durably before it returns), timed from the moment another thread
//   posts "card read" (so a wait for the core's thread counts, core-taps.ts), in phases with no backup and
//   phases while backup jobs of the kiosk's own records run back to back in the worker, giving way to the taps as the
//   kiosk's own jobs do (backup/door-quiet.ts; backup_waited_for_door_s says how long they waited); the two figures come
//   from the same run, alternating, so whatever else the machine does weighs on both alike.
// - tap_to_confirm_p95_backup_resuming_ms: what the give-way cannot spare, taps 300 ms apart beside jobs whose quiet time
//   is 200 ms, so each tap meets a job that has just gone on again (a copy step, a walk's rows, an integrity check).
// The worker is the built one the kiosk starts (dist/backup-worker.mjs, `npm run build:electron`), not the sources
// loaded through tsx, which take seconds to start (twice in every job: the job's thread and its integrity check's)
// that no kiosk spends.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackupJob } from '../electron/core/backup/backup-runner.js';
import type { BackupJobOutcome, BackupJobRequest } from '../electron/core/backup/backup-job.js';
import { DOOR_QUIET_MS, DoorQuiet, doorRequest } from '../electron/core/backup/door-quiet.js';
import { openDatabase } from '../electron/core/db/open-database.js';
import { demoRoster } from '../electron/core/demo/demo-roster.js';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { ensureDeviceId } from '../electron/core/ledger/attendance-log.js';
import { SettingsStore } from '../electron/core/ledger/settings-store.js';
import { RosterStore } from '../electron/core/roster/roster-store.js';
import { manualClock } from '../electron/core/testing/fixtures.js';
import { appendEvents } from '../electron/core/testing/history.js';
import { adminFixture } from './admin-fixture.js';
import { singleChildCards, timeCoreTaps } from './core-taps.js';
import { percentile, report } from './stats.js';

const KEEP_ONE = { hourly: 1, daily: 0, monthly: 0, yearly: 0 };
const BUILT_WORKER = fileURLToPath(new URL('../dist/backup-worker.mjs', import.meta.url));

/** A backup job in its worker; the worker does not hold the process open (the kiosk's does not wait for it), so this does. */
async function backupInWorker(request: BackupJobRequest) {
  if (!existsSync(BUILT_WORKER)) throw new Error(`${BUILT_WORKER} is missing: run \`npm run build:electron\` first`);
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    const outcome = await startBackupJob(request, BUILT_WORKER).outcome;
    // The figures hold for a verification in the idle scheduling class (idle-thread.ts); one that could not get there says so.
    if (outcome.priority !== 'idle') console.log(`backup worker ran at priority ${outcome.priority ?? 'unknown'}, not idle`);
    return outcome;
  } finally {
    clearInterval(keepAlive);
  }
}

function jobRequest(databasePath: string, dataDir: string, door?: DoorQuiet): BackupJobRequest {
  return {
    databasePath,
    dataDir,
    kind: 'manual',
    takenMs: Date.now(),
    nativeBinding: null,
    retention: KEEP_ONE,
    zone: 300,
    secondPlace: null,
    ...(door ? { door: doorRequest(door) } : {}),
  };
}

async function benchBackup1m(dir: string): Promise<void> {
  const fixture = adminFixture((line) => console.log(line));
  const dataDir = mkdtempSync(join(dir, 'backup-1m-'));
  try {
    const started = performance.now();
    const outcome = await backupInWorker(jobRequest(fixture.path, dataDir));
    const seconds = (performance.now() - started) / 1000;
    if (outcome.kind !== 'verified' || outcome.copy.counts?.ownEvents !== 1_000_000) throw new Error(`backup_1m did not verify: ${JSON.stringify(outcome)}`);
    report('backup_1m_s', seconds, 's');
    report('backup_1m_copy_s', outcome.copy.copyMs / 1000, 's');
    report('backup_1m_verify_s', outcome.copy.verifyMs / 1000, 's');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo kindergarten with `events` of history, so each backup of it takes a while. */
function kioskWithHistory(path: string, events: number): void {
  const db = openDatabase(path);
  new RosterStore(db).seed(demoRoster());
  appendEvents(db, ensureDeviceId(db, new Date('2025-09-01T03:00:00Z')), events, Date.parse('2025-09-01T08:00:00.000+05:00'));
  // Cards of one child's two companions come 15 s apart here: every tap records by itself, as the figure assumes.
  SettingsStore.of(db).set('departureGuardMinutes', 0);
  db.close();
}

const PHASES = 5;
const TAPS_PER_PHASE = 300;
/** About 150 MB of records: each verified copy of them takes a few seconds, longer than a phase of taps. */
const HISTORY_EVENTS = 200_000;
/** The resuming phase: a quiet time short enough that a job goes on between two taps 300 ms apart. */
const RESUME_QUIET_MS = 200;
const RESUMING_TAPS = 100;

async function benchTapsDuringBackup(dir: string): Promise<void> {
  const dataDir = mkdtempSync(join(dir, 'taps-'));
  const path = join(dataDir, 'esik.sqlite');
  kioskWithHistory(path, HISTORY_EVENTS);
  const cards = singleChildCards(path);
  const clock = manualClock('2026-12-03T03:00:00.000Z');
  // The backups here are the bench's own jobs: the core's schedule would start one of its own after five minutes (on a
  // slow machine, mid-run) in the same folder, clearing the bench's copy half-taken, and in the door's thread.
  // The door's last act, shared with the bench's jobs as the kiosk shares it with its own (backup/door-quiet.ts).
  const door = new DoorQuiet();
  const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined, backup: { checkEveryMs: 24 * 3_600_000, doorBuffer: door.buffer } });
  const idle: number[] = [];
  const during: number[] = [];
  const resuming: number[] = [];
  let jobs = 0;
  let waitedMs = 0;
  const counted = (outcome: BackupJobOutcome): void => {
    if (outcome.kind !== 'verified') throw new Error(`backup failed: ${JSON.stringify(outcome)}`);
    jobs += 1;
    waitedMs += outcome.waitedForDoorMs ?? 0;
  };
  try {
    await timeCoreTaps(core, cards, clock, { max: 50 }); // warm-up
    for (let phase = 0; phase < PHASES; phase += 1) {
      idle.push(...(await timeCoreTaps(core, cards, clock, { max: TAPS_PER_PHASE })));
      // Backups back to back in the worker for as long as the phase's taps last.
      let tapping = true;
      const backups = (async () => {
        while (tapping) {
          counted(await backupInWorker(jobRequest(path, dataDir, door)));
        }
      })();
      // Taps begin with the copy under way: once the door has been quiet long enough for the job to start (the idle
      // phase's taps just ended), and the worker has started.
      await new Promise((resolve) => setTimeout(resolve, DOOR_QUIET_MS + 1500));
      during.push(...(await timeCoreTaps(core, cards, clock, { max: TAPS_PER_PHASE })));
      tapping = false;
      await backups;
    }
    // The worst a give-way leaves: taps paced past a short quiet time, so each meets a job that has just gone on again.
    let pacing = true;
    const paced = (async () => {
      while (pacing) counted(await backupInWorker({ ...jobRequest(path, dataDir), door: doorRequest(door, RESUME_QUIET_MS) }));
    })();
    resuming.push(...(await timeCoreTaps(core, cards, clock, { max: RESUMING_TAPS, everyMs: RESUME_QUIET_MS + 100 })));
    pacing = false;
    await paced;
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  // The taps a backup's give-way cannot spare: each comes after the job went on again, with a step in flight.
  report('tap_to_confirm_p95_backup_resuming_ms', percentile(resuming, 95), 'ms');
  report('tap_to_confirm_p95_idle_between_backups_ms', percentile(idle, 95), 'ms');
  report('tap_to_confirm_p95_during_backup_ms', percentile(during, 95), 'ms');
  report('tap_to_confirm_p95_backup_ratio', percentile(during, 95) / percentile(idle, 95), 'x');
  report('backup_jobs_during_taps', jobs, 'jobs');
  // The jobs give way to the taps (backup/door-quiet.ts): how long they waited for the door, in all.
  report('backup_waited_for_door_s', waitedMs / 1000, 's');
}

export async function benchBackup(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await benchBackup1m(dir);
  await benchTapsDuringBackup(dir);
}
