// Where the database check's worker is when running from the TypeScript sources (tests, bench). Not imported by the
// core or the shells: a built app passes dist/chain-audit-worker.mjs.
export const DEV_AUDIT_WORKER_SCRIPT = new URL('./chain-audit-worker-dev.mjs', import.meta.url);
