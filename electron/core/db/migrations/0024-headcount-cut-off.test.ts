import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { headcountCutOff } from './0024-headcount-cut-off.js';

const BEFORE = migrations.filter((m) => m.version < headcountCutOff.version);

describe('migration 0024 headcount cut-off', () => {
  it('keeps the rows taken before it (cut_off NULL), takes a cut-off with new ones, and the table stays append-only', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    const insert = `INSERT INTO headcounts (id, local_date, taken_at, taken_ms, trigger, staff_id, groups) VALUES (?, '2026-11-23', '2026-11-23T09:00:01.000+05:00', 1, 'cut-off', NULL, '[]')`;
    db.prepare(insert).run('old');
    expect(migrate(db, [...BEFORE, headcountCutOff]).applied).toEqual([24]);
    expect(db.prepare('SELECT id, cut_off FROM headcounts').all()).toEqual([{ id: 'old', cut_off: null }]);
    const withCutOff = (id: string, cutOff: string) =>
      db.prepare(`INSERT INTO headcounts (id, local_date, taken_at, taken_ms, trigger, staff_id, groups, cut_off) VALUES (?, '2026-11-24', 't', 2, 'cut-off', NULL, '[]', ?)`).run(id, cutOff);
    expect(() => withCutOff('bad', '9 o clock')).toThrow(/CHECK/);
    withCutOff('new', '09:00');
    expect(() => db.exec(`UPDATE headcounts SET cut_off = '08:00' WHERE id = 'new'`)).toThrow(/append-only/);
  });
});
