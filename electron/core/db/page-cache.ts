// How much of the records file each of the kiosk's long-lived connections keeps in SQLite's page cache. better-sqlite3
// builds SQLite with 16 MB a connection, and every page a connection writes or reads stays in its cache until that cap:
// a door's file grows by about 2 KB a check-in, so the door's, the sync worker's and the peer worker's connections
// each climbed with the file for days (measured in the camera soak: the web host's resident memory rose with the
// file, 3.6 MB/h, its JavaScript heap flat) towards 48 MB in all. A cap sized to each connection's job bounds it early:
// the door's answers read a few recent pages and the console's reports scan more than any cache holds anyway (the
// system's file cache serves the rest); the workers read the newest rows only.
import type { Database } from 'better-sqlite3';

export const PAGE_CACHE_KIB = { door: 4096, worker: 1024 } as const;
export type PageCacheRole = keyof typeof PAGE_CACHE_KIB;

/**
 * For memory diagnostics only (bench/camera-soak.ts): one cap for every connection, in KiB, so that a soak of minutes
 * starts with the caches full, as a door in service has had them for weeks, and what it measures is what a kiosk keeps.
 */
export const PAGE_CACHE_OVERRIDE_ENV = 'ESIK_PAGE_CACHE_KIB';

export function pageCacheKib(role: PageCacheRole, env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env[PAGE_CACHE_OVERRIDE_ENV]);
  return Number.isInteger(override) && override >= 64 && override <= 65_536 ? override : PAGE_CACHE_KIB[role];
}

export function applyPageCache(db: Database, role: PageCacheRole): void {
  // Negative: KiB rather than pages, whatever the page size.
  db.pragma(`cache_size = -${String(pageCacheKib(role))}`);
}
