// A worker thread for the backup-signal test, run from the TypeScript sources: registers tsx in this thread, waits for
// the door on the signal it was given as a backup's step would, and answers how long it waited.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const { BackupSignal } = await import('./backup-signal.ts');
const signal = new BackupSignal(workerData.buffer);
// Says it is about to wait first, so the test ends the door's request while it does.
parentPort.postMessage({ ready: true });
parentPort.postMessage({ waitedMs: signal.yieldToDoor(workerData.maxMs, true) });
