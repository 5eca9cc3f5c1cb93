import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { sqlCompiledDuring } from '../testing/compiled-sql.js';
import { openDatabase } from './open-database.js';
import { StatementCache } from './statement-cache.js';

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function database() {
  const db = openDatabase(join(tempDataDir(), 'esik.sqlite'));
  opened.push(db);
  return db;
}

describe("a connection's statements compiled once", () => {
  it('compiles each SQL text at its first use only, and answers from the file as it stands', () => {
    const db = database();
    const cache = new StatementCache(db);
    const count = 'SELECT count(*) AS n FROM groups';
    const first = sqlCompiledDuring(db, () => expect(cache.get<[], { n: number }>(count).get()).toEqual({ n: 0 }));
    expect(first).toEqual([count]);
    db.prepare("INSERT INTO groups (id, name, sort_order) VALUES ('g1', 'Балапан', 1)").run();
    const again = sqlCompiledDuring(db, () => {
      for (let i = 0; i < 50; i++) expect(cache.get<[], { n: number }>(count).get()).toEqual({ n: 1 });
    });
    expect(again).toEqual([]);
    expect(cache.get(count)).toBe(cache.get(count));
    expect(cache.get('SELECT 1')).not.toBe(cache.get(count));
  });

  it('keeps working after the schema changes under a kept statement', () => {
    const db = database();
    const cache = new StatementCache(db);
    const names = 'SELECT name FROM groups ORDER BY name';
    expect(cache.get(names).all()).toEqual([]);
    db.exec("ALTER TABLE groups ADD COLUMN note TEXT; INSERT INTO groups (id, name, sort_order) VALUES ('g1', 'Жұлдыз', 1)");
    expect(cache.get(names).all()).toEqual([{ name: 'Жұлдыз' }]);
  });
});
