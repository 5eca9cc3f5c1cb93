// The city's SQLite file: pragmas, schema steps, append-only records, and the hot queries on their indexes.
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cityMigrations } from '../src/store/migrations.js';
import { CITY_DB_FILE, CityDatabaseTooNewError, openCityStore } from '../src/store/open-store.js';
import { enrollDevice, recordChain, startTestServer, tempDir } from './fixtures.js';
import { call } from './http-client.js';

function plan(db: BetterSqlite3.Database, sql: string, ...params: unknown[]): string {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => row.detail)
    .join(' | ');
}

describe('the city store', () => {
  it('opens with WAL and synchronous=FULL and applies every schema step', () => {
    const db = openCityStore(tempDir());
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(cityMigrations.at(-1)?.version);
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer server', () => {
    const dir = tempDir();
    openCityStore(dir).close();
    const raw = new BetterSqlite3(join(dir, CITY_DB_FILE));
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openCityStore(dir)).toThrow(CityDatabaseTooNewError);
  });

  it('keeps records append-only, and keeps them across a restart', async () => {
    const dir = tempDir();
    const server = await startTestServer({ dataDir: dir });
    const [record] = recordChain('dev-other', 1);
    if (!record) throw new Error('no record');
    server.insertPeerRecord(record);
    await server.close();
    const raw = new BetterSqlite3(join(dir, CITY_DB_FILE));
    expect(() => raw.prepare('DELETE FROM records').run()).toThrow(/append-only/);
    expect(() => raw.prepare("UPDATE records SET hash = 'x'").run()).toThrow(/append-only/);
    raw.close();
    const again = await startTestServer({ dataDir: dir });
    expect(again.recordIds()).toEqual([record.id]);
  });

  it('answers the hot queries from indexes, not table scans', () => {
    const db = openCityStore(tempDir());
    try {
      expect(plan(db, 'SELECT id, hash, prev_hash FROM records WHERE device_id = ? AND device_seq = ?', 'd', 1)).toMatch(/USING INDEX records_device_seq/);
      expect(
        plan(db, 'SELECT arrival, body FROM records WHERE kindergarten_id = ? AND local_date = ? AND device_id != ? AND arrival > ? ORDER BY arrival LIMIT ?', 'k', 'd', 'x', 0, 10),
      ).toMatch(/USING INDEX records_day \(kindergarten_id=\? AND local_date=\? AND arrival>\?\)/);
      expect(plan(db, 'SELECT COALESCE(MAX(arrival), 0) + 1 FROM records')).toMatch(/USING COVERING INDEX|SEARCH records USING INDEX/);
      // A push reads what it needs for its whole batch in one statement each, one index look-up per element.
      expect(plan(db, 'SELECT id, hash FROM records WHERE id IN (SELECT value FROM json_each(?))', '[]')).toMatch(/SEARCH records USING INDEX sqlite_autoindex_records_1 \(id=\?\)/);
      expect(plan(db, 'SELECT device_seq, id FROM records WHERE device_id = ? AND device_seq IN (SELECT value FROM json_each(?))', 'd', '[]')).toMatch(
        /SEARCH records USING INDEX records_device_seq \(device_id=\? AND device_seq=\?\)/,
      );
      expect(plan(db, "SELECT key FROM roster_rows WHERE entity = 'children' AND key IN (SELECT value FROM json_each(?))", '[]')).toMatch(
        /SEARCH roster_rows USING COVERING INDEX sqlite_autoindex_roster_rows_1 \(entity=\? AND key=\?\)/,
      );
      expect(plan(db, 'SELECT entity, key, body FROM roster_rows WHERE rev > ? ORDER BY rev, rowid', 1)).toMatch(/SEARCH roster_rows USING INDEX roster_rows_rev \(rev>\?\)$/);
    } finally {
      db.close();
    }
  });

  it('closes promptly while a reply is held back by latency', async () => {
    const server = await startTestServer();
    server.setFaults({ latencyMs: 60_000 });
    const pending = call(server.url, '/v1/hello');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await server.close();
    await expect(pending).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('serves a second device of the same kindergarten independently', async () => {
    const server = await startTestServer();
    const [a, b] = [await enrollDevice(server, 'A'), await enrollDevice(server, 'B')];
    expect(a.deviceId).not.toBe(b.deviceId);
    expect(a.kindergartenId).toBe(b.kindergartenId);
    expect((await call(server.url, '/v1/roster', { token: b.token })).status).toBe(200);
  });
});
