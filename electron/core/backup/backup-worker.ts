// The worker thread that takes one backup (backup-job.ts): the copy and its verification read a whole database, so
// they run beside the door, never in its way. Posts one outcome and ends. Started with an integrity request instead, it
// is the second thread of a backup's verification (copy-integrity.ts) and answers that.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { BackupJobRequestSchema, runBackupJob, type BackupJobOutcome } from './backup-job.js';
import { answerIntegrity, IntegrityRequestSchema } from './copy-integrity.js';

const port = parentPort;
if (!port) throw new Error('backup-worker runs only as a worker thread');
// Background work: on Linux this names the calling thread only, so the door's thread keeps its priority.
if (process.platform === 'linux') {
  try {
    setPriority(19);
  } catch {
    // Not allowed here: the backup runs at the door's priority.
  }
}
const integrity = IntegrityRequestSchema.safeParse(workerData);
if (integrity.success) {
  port.postMessage(answerIntegrity(integrity.data));
} else {
  const outcome: BackupJobOutcome = await Promise.resolve()
    .then(() => runBackupJob(BackupJobRequestSchema.parse(workerData)))
    .catch((error: unknown) => ({
      kind: 'failed' as const,
      code: 'BACKUP_FAILED' as const,
      detail: error instanceof Error ? error.message : String(error),
      copy: null,
    }));
  port.postMessage(outcome);
}
