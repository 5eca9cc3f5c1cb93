// Runs the peer worker from the TypeScript sources (tests, npm start from source): registers tsx in this worker
// thread, then loads the entry. Built apps load dist/peer-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./peer-worker-entry.ts');
