// Starts the full database check: in its worker thread when the shell built one, else in this thread once the
// current work is done (tests and runs from source). Never rejects: a worker that dies reports 'failed'.
import { Worker } from 'node:worker_threads';
import { auditDatabase, AuditOutcomeSchema, type AuditOutcome, type AuditRequest } from './chain-audit.js';

export function runAudit(request: AuditRequest, workerScript: string | URL | null): Promise<AuditOutcome> {
  if (workerScript === null) {
    return new Promise((resolve) => setImmediate(() => resolve(auditDatabase(request))));
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: AuditOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const worker = new Worker(workerScript, { workerData: request });
    worker.on('message', (raw: unknown) => {
      const outcome = AuditOutcomeSchema.safeParse(raw);
      settle(outcome.success ? outcome.data : { kind: 'failed', detail: 'malformed message from the check worker' });
    });
    worker.on('error', (error) => settle({ kind: 'failed', detail: `check worker failed: ${error.message}` }));
    worker.on('exit', (code) => settle({ kind: 'failed', detail: `check worker exited (${code}) without an answer` }));
    // A kiosk closing while the check runs does not wait for it.
    worker.unref();
  });
}
