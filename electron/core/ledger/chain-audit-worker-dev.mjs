// Runs the database check's worker from the TypeScript sources (tests, bench): registers tsx in this worker thread,
// then loads the worker. Built apps load dist/chain-audit-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./chain-audit-worker.ts');
