import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { storageProblemOf } from './storage-failure.js';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('storageProblemOf', () => {
  it('tells a full, read-only or failing disk from SQLite and from the system', () => {
    const db = new BetterSqlite3(join(tempDataDir(), 'x.sqlite'));
    db.exec('CREATE TABLE t (v TEXT)');
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    expect(storageProblemOf(thrown(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(8192))))).toBe('DISK_FULL');
    db.pragma('query_only = ON');
    expect(storageProblemOf(thrown(() => db.prepare('INSERT INTO t VALUES (?)').run('x')))).toBe('READ_ONLY');
    db.close();
    expect(storageProblemOf(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe('DISK_FULL');
    expect(storageProblemOf(Object.assign(new Error('ro'), { code: 'EROFS' }))).toBe('READ_ONLY');
    expect(storageProblemOf(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_SHMSIZE' }))).toBe('IO_ERROR');
  });

  it('says nothing of errors that are not about the disk', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec('CREATE TABLE t (v TEXT NOT NULL)');
    expect(storageProblemOf(thrown(() => db.prepare('INSERT INTO t VALUES (NULL)').run()))).toBeNull();
    db.close();
    expect(storageProblemOf(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBeNull();
    expect(storageProblemOf(new Error('a bug'))).toBeNull();
    expect(storageProblemOf('a string')).toBeNull();
  });
});
