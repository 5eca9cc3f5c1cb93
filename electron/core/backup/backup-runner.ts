// Starts one backup job: in its worker thread when the shell built one, else in this thread (tests, runs from source).
// A job given a door first waits here, in the door's thread by timers, for the door to be quiet, and only then makes
// its worker thread (door-quiet.ts waitBeforeStart). Never rejects: a worker that cannot start or dies is a failed
// backup. Stopping it (the kiosk closing) ends the wait or terminates the worker; what it left in backups/.incoming is
// removed by the next job.
import { Worker } from 'node:worker_threads';
import { BackupJobOutcomeSchema, runBackupJob, type BackupJobOutcome, type BackupJobRequest } from './backup-job.js';
import { DoorQuiet, waitBeforeStart } from './door-quiet.js';

export interface RunningBackup {
  outcome: Promise<BackupJobOutcome>;
  /** Whether its worker thread exists yet (false while it waits for the door to begin, and for a job run in line). */
  workerStarted(): boolean;
  stop(): void;
}

const failed = (detail: string): BackupJobOutcome => ({ kind: 'failed', code: 'BACKUP_FAILED', detail, copy: null });

export function startBackupJob(request: BackupJobRequest, workerScript: string | URL | null): RunningBackup {
  if (workerScript === null) {
    return { outcome: runBackupJob(request).catch((error: unknown) => failed(error instanceof Error ? error.message : String(error))), workerStarted: () => false, stop: () => undefined };
  }
  const { door } = request;
  if (!door) return startWorker(request, workerScript, 0);
  const wait = waitBeforeStart(new DoorQuiet(door.buffer), door.quietMs, door.budgetMs);
  let running: RunningBackup | null = null;
  let stopWaiting: (outcome: BackupJobOutcome) => void = () => undefined;
  const outcome = Promise.race([
    wait.done.then((waitedMs) => {
      // The rest of the budget is the job's, for the waits between its steps.
      running = startWorker({ ...request, door: { ...door, budgetMs: Math.max(0, door.budgetMs - waitedMs) } }, workerScript, waitedMs);
      return running.outcome;
    }),
    new Promise<BackupJobOutcome>((resolve) => (stopWaiting = resolve)),
  ]);
  return {
    outcome,
    workerStarted: () => running?.workerStarted() ?? false,
    stop: () => {
      wait.cancel();
      stopWaiting(failed('stopped: the kiosk closed'));
      running?.stop();
    },
  };
}

/** The job in its worker thread; `waitedMs`, what it already waited for the door before, is added to its outcome's. */
function startWorker(request: BackupJobRequest, workerScript: string | URL, waitedMs: number): RunningBackup {
  let settle: (outcome: BackupJobOutcome) => void = () => undefined;
  let settled = false;
  const outcome = new Promise<BackupJobOutcome>((resolve) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
  });
  let worker: Worker;
  try {
    // The copy's integrity check runs in a second thread of the same script, beside the chain walk in this one.
    const workerData: BackupJobRequest = { ...request, integrityScript: String(workerScript) };
    worker = new Worker(workerScript, { workerData });
  } catch (error) {
    settle(failed(`backup worker cannot start: ${error instanceof Error ? error.message : String(error)}`));
    return { outcome, workerStarted: () => false, stop: () => undefined };
  }
  worker.on('message', (raw: unknown) => {
    const parsed = BackupJobOutcomeSchema.safeParse(raw);
    if (!parsed.success) return settle(failed('malformed message from the backup worker'));
    const waited = parsed.data.waitedForDoorMs;
    settle(waited === undefined ? parsed.data : { ...parsed.data, waitedForDoorMs: waited + waitedMs });
  });
  worker.on('error', (error) => settle(failed(`backup worker failed: ${error.message}`)));
  worker.on('exit', (code) => settle(failed(`backup worker exited (${code}) without an answer`)));
  // A process ending while a backup runs does not wait for it.
  worker.unref();
  return {
    outcome,
    workerStarted: () => !settled,
    stop: () => {
      settle(failed('stopped: the kiosk closed'));
      void worker.terminate();
    },
  };
}
