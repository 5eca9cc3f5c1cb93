// The worker thread that runs the full database check (chain-audit.ts), so a million events are walked beside the
// door, not in its way. Posts one checked message and ends.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { auditDatabase, AuditRequestSchema } from './chain-audit.js';

const port = parentPort;
if (!port) throw new Error('chain-audit-worker runs only as a worker thread');
// Background work: on Linux this names the calling thread only, so the door's thread keeps its priority.
if (process.platform === 'linux') {
  try {
    setPriority(19);
  } catch {
    // Not allowed here: the check runs at the door's priority.
  }
}
port.postMessage(auditDatabase(AuditRequestSchema.parse(workerData)));
