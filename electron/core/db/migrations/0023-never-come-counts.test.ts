import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { neverComeCounts } from './0023-never-come-counts.js';

const BEFORE = migrations.filter((m) => m.version < neverComeCounts.version);

describe('migration 0023 never-come counts', () => {
  it('keeps one append-only count a month and lets it be queued for the city', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    const queued = () => db.prepare("INSERT INTO sync_outbox (record_id, record_type, queued_ms) VALUES ('k1', 'never-come-count', 1)").run();
    expect(queued).toThrow();
    expect(migrate(db, [...BEFORE, neverComeCounts]).applied).toEqual([neverComeCounts.version]);
    expect(queued).not.toThrow();

    const counted = (month: string, id: string, groups = '[]') => db.prepare("INSERT INTO never_come_counts VALUES (?, ?, 10, ?, 't', 1)").run(month, id, groups);
    counted('2026-12', 'r1', '[{"groupId":"g1","count":1,"childIds":["c1"]}]');
    expect(() => counted('2026-12', 'r2')).toThrow(/UNIQUE/);
    expect(() => counted('2027-01', 'r1')).toThrow(/UNIQUE/);
    expect(() => counted('December', 'r3')).toThrow(/CHECK/);
    expect(() => counted('2027-01', 'r4', '{}')).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE never_come_counts SET after_days = 5")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM never_come_counts')).toThrow(/append-only/);
  });
});
