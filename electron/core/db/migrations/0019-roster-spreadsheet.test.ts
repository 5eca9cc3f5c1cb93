import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { rosterSpreadsheet } from './0019-roster-spreadsheet.js';

const BEFORE = migrations.filter((m) => m.version < rosterSpreadsheet.version);

describe('migration 0019 roster spreadsheet', () => {
  it('adds a birth date, a gender and a phone that stay empty for the rows already there, and audits an import', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin');
      INSERT INTO groups (id, name) VALUES ('g1', 'Балапан');
      INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Ахметов');
      INSERT INTO companions (id, first_name, last_name, relation) VALUES ('p1', 'Бибігүл', 'Ахметова', 'grandmother');`);
    const audited = () => db.prepare("INSERT INTO admin_audit VALUES ('a1', 't', 1, 'roster-imported', 's-admin', '{}')").run();
    expect(audited).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(migrate(db, [...BEFORE, rosterSpreadsheet]).applied).toEqual([19]);
    expect(db.prepare('SELECT birth_date, gender FROM children').get()).toEqual({ birth_date: null, gender: null });
    expect(db.prepare('SELECT phone FROM companions').get()).toEqual({ phone: null });
    db.exec("UPDATE children SET birth_date = '2021-03-08', gender = 'male'; UPDATE companions SET phone = '+7 701 123 45 67'");
    expect(() => db.exec("UPDATE children SET birth_date = '08.03.2021'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE children SET gender = 'boy'")).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE companions SET phone = ''")).toThrow(/CHECK/);
    expect(audited).not.toThrow();
  });
});
