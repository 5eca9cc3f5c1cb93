// Runs the sync worker from the TypeScript sources (tests, bench, npm start from source): registers tsx in this
// worker thread, then loads the worker. Built apps load dist/sync-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./sync-worker.ts');
