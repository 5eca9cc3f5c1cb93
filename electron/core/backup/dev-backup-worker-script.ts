// Where the backup worker is when running from the TypeScript sources (tests, bench). Not imported by the core or the
// shells: a built app passes dist/backup-worker.mjs.
export const DEV_BACKUP_WORKER_SCRIPT = new URL('./backup-worker-dev.mjs', import.meta.url);
