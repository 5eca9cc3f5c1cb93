// A worker thread for the idle-thread test, run from the TypeScript sources: registers tsx in this thread, lowers
// itself with the chrt it was given, says how low it went and its thread id, and stays alive until told, so the test
// can read its /proc entry.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const { idleThisThread, thisThreadId } = await import('./idle-thread.ts');
const priority = idleThisThread(workerData.chrt);
parentPort.postMessage({ priority, threadId: thisThreadId() });
parentPort.once('message', () => process.exit(0));
