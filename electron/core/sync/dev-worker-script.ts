// Where the sync worker is when running from the TypeScript sources (tests, bench). Not imported by the core or the
// shells: a built app passes dist/sync-worker.mjs.
export const DEV_SYNC_WORKER_SCRIPT = new URL('./sync-worker-dev.mjs', import.meta.url);
