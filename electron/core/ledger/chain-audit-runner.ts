// Starts the full database check: in its worker thread when the shell built one, else in this thread once the
// current work is done (tests and runs from source). Never rejects: a worker that cannot start or dies reports
// 'failed'. The kiosk closing stops it (the worker is terminated, an in-thread check that has not begun never runs),
// so nothing keeps reading the records after close.
import { Worker } from 'node:worker_threads';
import { auditDatabase, AuditOutcomeSchema, type AuditOutcome, type AuditRequest } from './chain-audit.js';

export interface RunningAudit {
  outcome: Promise<AuditOutcome>;
  stop(): void;
}

const STOPPED: AuditOutcome = { kind: 'failed', detail: 'stopped: the kiosk closed' };

export function runAudit(request: AuditRequest, workerScript: string | URL | null): RunningAudit {
  let settle: (outcome: AuditOutcome) => void = () => undefined;
  let settled = false;
  const outcome = new Promise<AuditOutcome>((resolve) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
  });
  if (workerScript === null) {
    const pending = setImmediate(() => settle(auditDatabase(request)));
    return {
      outcome,
      stop: () => {
        clearImmediate(pending);
        settle(STOPPED);
      },
    };
  }
  let worker: Worker;
  try {
    worker = new Worker(workerScript, { workerData: request });
  } catch (error) {
    // A script Node refuses outright (a bad path): the door opens all the same, with the check shown as not run.
    settle({ kind: 'failed', detail: `check worker cannot start: ${error instanceof Error ? error.message : String(error)}` });
    return { outcome, stop: () => undefined };
  }
  worker.on('message', (raw: unknown) => {
    const parsed = AuditOutcomeSchema.safeParse(raw);
    settle(parsed.success ? parsed.data : { kind: 'failed', detail: 'malformed message from the check worker' });
  });
  worker.on('error', (error) => settle({ kind: 'failed', detail: `check worker failed: ${error.message}` }));
  worker.on('exit', (code) => settle({ kind: 'failed', detail: `check worker exited (${code}) without an answer` }));
  // A process ending while the check runs does not wait for it.
  worker.unref();
  return {
    outcome,
    stop: () => {
      settle(STOPPED);
      void worker.terminate();
    },
  };
}
