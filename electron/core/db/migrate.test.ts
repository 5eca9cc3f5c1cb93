import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { DatabaseFromFutureError, MigrationHistoryError, migrate } from './migrate.js';
import type { Migration } from './migration.js';
import { migrations } from './migrations/index.js';
import { DatabaseOpenError, openDatabase } from './open-database.js';

const step = (version: number, name: string, sql: string): Migration => ({ version, name, up: (db) => db.exec(sql) });

describe('migrate', () => {
  it('applies every migration once, in order, and records them', () => {
    const db = new BetterSqlite3(':memory:');
    const all = [step(1, 'a', 'CREATE TABLE a (x INTEGER)'), step(2, 'b', 'CREATE TABLE b (y INTEGER)')];
    expect(migrate(db, all).applied).toEqual([1, 2]);
    expect(migrate(db, all).applied).toEqual([]);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'a' },
      { version: 2, name: 'b' },
    ]);
  });

  it('rolls a failing migration back whole and leaves the earlier ones applied', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = step(2, 'broken', 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;');
    expect(() => migrate(db, [step(1, 'a', 'CREATE TABLE a (x INTEGER)'), broken])).toThrow(/no_such_table/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 1 });
  });

  it('refuses a database written by a newer build', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [step(1, 'a', 'SELECT 1'), step(2, 'b', 'SELECT 1')]);
    expect(() => migrate(db, [step(1, 'a', 'SELECT 1')])).toThrow(DatabaseFromFutureError);
  });

  it('refuses a history that is not a prefix of this build', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [step(1, 'a', 'SELECT 1')]);
    expect(() => migrate(db, [step(1, 'renamed', 'SELECT 1')])).toThrow(MigrationHistoryError);
    expect(() => migrate(db, [step(2, 'gap', 'SELECT 1')])).toThrow(MigrationHistoryError);
  });

  it('ships consecutive versions with unique names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });
});

describe('openDatabase', () => {
  it('sets the pragmas that keep an acknowledged check-in on disk', () => {
    const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('names a newer database DB_FROM_FUTURE', () => {
    const path = join(tempDataDir(), 'esik.sqlite');
    openDatabase(path).close();
    const raw = new BetterSqlite3(path);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    raw.close();
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ problem: 'DB_FROM_FUTURE' }));
  });

  it('names a damaged file DB_CORRUPT', async () => {
    const path = join(tempDataDir(), 'esik.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ problem: 'DB_CORRUPT' }));
  });

  it('names a folder that cannot hold the file DB_UNWRITABLE', async () => {
    const dir = tempDataDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    expect(() => openDatabase(join(dir, 'not-a-folder', 'esik.sqlite'))).toThrow(expect.objectContaining({ problem: 'DB_UNWRITABLE' }));
  });

  it('names a database another program holds locked DB_LOCKED', () => {
    const path = join(tempDataDir(), 'esik.sqlite');
    new BetterSqlite3(path).close();
    const holder = new BetterSqlite3(path);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => openDatabase(path, { busyTimeoutMs: 50 })).toThrow(DatabaseOpenError);
      expect(() => openDatabase(path, { busyTimeoutMs: 50 })).toThrow(expect.objectContaining({ problem: 'DB_LOCKED' }));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
