import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { initial } from './0001-initial.js';
import { trustedKeys } from './0002-trusted-keys.js';

const KEY = Buffer.alloc(32, 7);

function fresh(): Database {
  const db = new BetterSqlite3(':memory:');
  migrate(db, [initial, trustedKeys]);
  return db;
}

describe('migration 0002 trusted keys', () => {
  it('applies on top of a database that already holds 0001\'s data', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [initial]);
    db.exec("INSERT INTO kindergarten VALUES ('kg-1', 'Ақбота', 0)");
    expect(migrate(db, [initial, trustedKeys]).applied).toEqual([2]);
    expect(db.prepare('SELECT id FROM kindergarten').all()).toEqual([{ id: 'kg-1' }]);
  });

  it('holds 32-byte keys of the city or the kiosk, one per id', () => {
    const db = fresh();
    const insert = db.prepare('INSERT INTO trusted_keys (id, public_key, owner, added_at) VALUES (?, ?, ?, ?)');
    insert.run('city1', KEY, 'city', '2026-11-23T03:10:00.000Z');
    expect(() => insert.run('short', Buffer.alloc(31), 'city', 't')).toThrow(/CHECK/);
    expect(() => insert.run('text', 'x'.repeat(32), 'city', 't')).toThrow(/CHECK|cannot store TEXT/);
    expect(() => insert.run('other', KEY, 'parent', 't')).toThrow(/CHECK/);
    expect(() => insert.run('', KEY, 'city', 't')).toThrow(/CHECK/);
    expect(() => insert.run('city1', KEY, 'city', 't')).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('never edits a key in place', () => {
    const db = fresh();
    db.prepare("INSERT INTO trusted_keys VALUES ('city1', ?, 'city', 't')").run(KEY);
    expect(() => db.prepare("UPDATE trusted_keys SET owner = 'kiosk'").run()).toThrow(/never edited/);
  });

  it('finds a key by id from its primary key index', () => {
    const db = fresh();
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id, public_key, owner FROM trusted_keys WHERE id = ?').all('x') as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/USING INDEX sqlite_autoindex_trusted_keys_1/);
  });
});
