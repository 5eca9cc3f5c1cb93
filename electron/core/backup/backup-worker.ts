// The worker thread that takes one backup (backup-job.ts): the copy and its verification read a whole database, so
// they run beside the door, never in its way. Posts one outcome and ends. Started with an integrity request instead, it
// is the second thread of a backup's verification (copy-integrity.ts) and answers that.
import { parentPort, workerData } from 'node:worker_threads';
import { idleThisThread, niceThisThread } from './idle-thread.js';

const port = parentPort;
if (!port) throw new Error('backup-worker runs only as a worker thread');
// Background work from its first instruction: loading the job's code (zod's schemas, the ledger) is work too, so it
// comes after. The verification, which reads only the copy, goes lower still (idle-thread.ts).
let priority = niceThisThread();
const { BackupJobRequestSchema, runBackupJob } = await import('./backup-job.js');
const { answerIntegrity, IntegrityRequestSchema } = await import('./copy-integrity.js');
const integrity = IntegrityRequestSchema.safeParse(workerData);
if (integrity.success) {
  priority = idleThisThread();
  port.postMessage({ ...answerIntegrity(integrity.data), priority });
} else {
  const outcome = await Promise.resolve()
    .then(() => runBackupJob(BackupJobRequestSchema.parse(workerData), { beforeVerify: () => (priority = idleThisThread()) }))
    .catch((error: unknown) => ({
      kind: 'failed' as const,
      code: 'BACKUP_FAILED' as const,
      detail: error instanceof Error ? error.message : String(error),
      copy: null,
    }));
  port.postMessage({ ...outcome, priority });
}
