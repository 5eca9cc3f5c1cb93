// The page cache caps: each long-lived connection of the kiosk gets its own, sized to its job (page-cache.ts says why;
// the memory they bound is measured by bench/camera-soak.ts, not here).
import type BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSyncConnection } from '../sync/sync-connection.js';
import { openPeerConnection } from '../peers/peer-connection.js';
import { tempDataDir } from '../testing/fixtures.js';
import { openDatabase } from './open-database.js';
import { PAGE_CACHE_KIB, pageCacheKib } from './page-cache.js';

const cacheSize = (db: BetterSqlite3.Database): number => Number(db.pragma('cache_size', { simple: true }));

describe('the page caches', () => {
  it('are capped per connection by its job, the door larger than the workers', () => {
    const path = join(tempDataDir(), 'esik.sqlite');
    const door = openDatabase(path);
    const sync = openSyncConnection(path, null);
    const peers = openPeerConnection(path, null);
    try {
      expect(cacheSize(door)).toBe(-PAGE_CACHE_KIB.door);
      expect(cacheSize(sync)).toBe(-PAGE_CACHE_KIB.worker);
      expect(cacheSize(peers)).toBe(-PAGE_CACHE_KIB.worker);
    } finally {
      for (const db of [door, sync, peers]) db.close();
    }
  });

  it('take the diagnostics override only when it is a sane number of KiB', () => {
    expect(pageCacheKib('door', { ESIK_PAGE_CACHE_KIB: '512' })).toBe(512);
    for (const wrong of ['', 'x', '0', '-5', '12.5', '999999']) expect(pageCacheKib('worker', { ESIK_PAGE_CACHE_KIB: wrong })).toBe(PAGE_CACHE_KIB.worker);
  });
});
