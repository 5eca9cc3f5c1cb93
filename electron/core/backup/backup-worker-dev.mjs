// Runs the backup worker from the TypeScript sources (tests, bench): registers tsx in this worker thread, then loads
// the worker. Built apps load dist/backup-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./backup-worker.ts');
