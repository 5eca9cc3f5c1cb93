// Where the sync worker is when running from the TypeScript sources (tests, bench, the web host from source): the
// core's default. A built app passes dist/sync-worker.mjs.
export const DEV_SYNC_WORKER_SCRIPT = new URL('./sync-worker-dev.mjs', import.meta.url);
