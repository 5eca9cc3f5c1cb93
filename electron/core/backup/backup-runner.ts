// Starts one backup job: in its worker thread when the shell built one, else in this thread (tests, runs from source).
// Never rejects: a worker that cannot start or dies is a failed backup. Stopping it (the kiosk closing) terminates the
// worker; what it left in backups/.incoming is removed by the next job.
import { Worker } from 'node:worker_threads';
import { BackupJobOutcomeSchema, runBackupJob, type BackupJobOutcome, type BackupJobRequest } from './backup-job.js';

export interface RunningBackup {
  outcome: Promise<BackupJobOutcome>;
  stop(): void;
}

const failed = (detail: string): BackupJobOutcome => ({ kind: 'failed', code: 'BACKUP_FAILED', detail, copy: null });

export function startBackupJob(request: BackupJobRequest, workerScript: string | URL | null): RunningBackup {
  if (workerScript === null) {
    return { outcome: runBackupJob(request).catch((error: unknown) => failed(error instanceof Error ? error.message : String(error))), stop: () => undefined };
  }
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
    return { outcome, stop: () => undefined };
  }
  worker.on('message', (raw: unknown) => {
    const parsed = BackupJobOutcomeSchema.safeParse(raw);
    settle(parsed.success ? parsed.data : failed('malformed message from the backup worker'));
  });
  worker.on('error', (error) => settle(failed(`backup worker failed: ${error.message}`)));
  worker.on('exit', (code) => settle(failed(`backup worker exited (${code}) without an answer`)));
  // A process ending while a backup runs does not wait for it.
  worker.unref();
  return {
    outcome,
    stop: () => {
      settle(failed('stopped: the kiosk closed'));
      void worker.terminate();
    },
  };
}
