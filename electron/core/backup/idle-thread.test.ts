// The backup's threads in Linux's idle scheduling class, read back from /proc as the kernel holds them: the worker
// thread lowers itself and only itself, falls back to nice 19 without chrt, and a copy it verifies is still verified
// whole (its integrity check in the second thread, also idle, and its chain walked through the head).
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { DEFAULT_RETENTION } from './backup-retention.js';
import { startBackupJob } from './backup-runner.js';
import { DEV_BACKUP_WORKER_SCRIPT } from './dev-backup-worker-script.js';
import { thisThreadId, threadScheduling } from './idle-thread.js';
import { recordsFile } from './testing/records-file.js';

const SCHED_OTHER = 0;
const SCHED_IDLE = 5;

interface Lowered {
  priority: string;
  threadId: number | null;
  /** The worker thread's policy and nice value read from /proc while it was still alive. */
  scheduling: ReturnType<typeof threadScheduling>;
}

/** Runs idleThisThread (with `chrt`) in a fresh worker thread loaded from the sources. */
function lowerInWorker(chrt: string): Promise<Lowered> {
  const worker = new Worker(new URL('./idle-thread-probe-dev.mjs', import.meta.url), { workerData: { chrt } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (answer: { priority: string; threadId: number | null }) => {
      const scheduling = answer.threadId === null ? null : threadScheduling(answer.threadId);
      worker.postMessage('done');
      resolve({ ...answer, scheduling });
    });
  });
}

describe.skipIf(process.platform !== 'linux')('a backup thread in the idle scheduling class (scheduling is read from /proc: Linux only)', () => {
  it('lowers the calling worker thread to SCHED_IDLE and leaves the thread that started it as it was', async () => {
    const here = thisThreadId();
    expect(here).not.toBeNull();
    const before = threadScheduling(here ?? 0);
    const { priority, threadId, scheduling } = await lowerInWorker('chrt');
    expect(priority).toBe('idle');
    expect(threadId).not.toBe(here);
    expect(scheduling?.policy).toBe(SCHED_IDLE);
    expect(threadScheduling(here ?? 0)).toEqual(before);
    expect(before?.policy).toBe(SCHED_OTHER);
  });

  it('stays at nice 19 when chrt cannot run', async () => {
    const { priority, scheduling } = await lowerInWorker('/nonexistent/chrt');
    expect(priority).toBe('nice');
    expect(scheduling).toEqual({ policy: SCHED_OTHER, nice: 19 });
  });

  it('runs a backup job and its integrity check in idle threads, the copy verified whole', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 60);
    const outcome = await startBackupJob(
      { databasePath: path, dataDir, kind: 'manual', takenMs: Date.parse('2026-12-03T03:00:00Z'), nativeBinding: null, retention: DEFAULT_RETENTION, zone: 300, secondPlace: null },
      DEV_BACKUP_WORKER_SCRIPT,
    ).outcome;
    expect(outcome).toMatchObject({ kind: 'verified', priority: 'idle', copy: { verified: true, counts: { ownEvents: 60 }, head: { seq: 60 } } });

    const integrity = new Worker(DEV_BACKUP_WORKER_SCRIPT, { workerData: { integrityOf: path, nativeBinding: null } });
    const answer = await new Promise<unknown>((resolve, reject) => {
      integrity.once('message', resolve);
      integrity.once('error', reject);
    });
    expect(answer).toEqual({ problems: null, priority: 'idle' });
  }, 60_000);
});
