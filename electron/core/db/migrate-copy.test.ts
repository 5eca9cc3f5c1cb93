import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testing/fixtures.js';
import { migrate, MigrationCopyError } from './migrate.js';
import type { Migration } from './migration.js';

const step = (version: number, name: string): Migration => ({ version, name, up: (db) => db.exec(`CREATE TABLE t${version} (x INTEGER)`) });
const ONE = [step(1, 'a')];
const TWO = [...ONE, step(2, 'b')];

describe('migrating a file behind its copy', () => {
  it('asks for the copy once, before the first pending migration, with where it goes from and to', () => {
    const db = new BetterSqlite3(join(tempDataDir(), 'f.sqlite'));
    const plans: unknown[] = [];
    migrate(db, ONE, { copyBefore: (plan) => plans.push(plan) });
    expect(plans).toEqual([]);
    migrate(db, TWO, {
      copyBefore: (plan) => {
        // Nothing of the new schema yet while the copy is taken.
        expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't2'").pluck().get()).toBe(0);
        plans.push(plan);
      },
    });
    expect(plans).toEqual([{ from: 1, to: 2 }]);
    db.close();
  });

  it('migrates nothing when the copy fails', () => {
    const db = new BetterSqlite3(join(tempDataDir(), 'f.sqlite'));
    migrate(db, ONE);
    const refuse = (): void => {
      throw new Error('disk full');
    };
    expect(() => migrate(db, TWO, { copyBefore: refuse })).toThrow(MigrationCopyError);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(1);
    db.close();
  });
});
