import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { refusedKeysSql } from '../../admin/log-sql.js';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { queryPlan } from './testing/migration-kit.js';

const ROWS = `
  INSERT INTO refused_attempts (id, occurred_at, occurred_ms, method, presented, reason)
    VALUES ('r1', '2026-11-23T08:12:00.000+05:00', 1, 'rfid', '4512400', 'unknown-card'),
           ('r2', '2026-11-23T08:13:00.000+05:00', 2, 'qr', 'ESK1.abc', 'qr-expired');
`;

describe('migration 0009 refused-coalesced', () => {
  const before = migrations.filter((m) => m.version < 9);

  it('keeps the rows refused before, each seen once', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, before);
    db.exec(ROWS);
    expect(migrate(db, migrations).applied).toContain(9);
    expect(db.prepare('SELECT id, seen_count, last_at, last_ms FROM refused_attempts ORDER BY id').all()).toEqual([
      { id: 'r1', seen_count: 1, last_at: null, last_ms: null },
      { id: 'r2', seen_count: 1, last_at: null, last_ms: null },
    ]);
  });

  it('lets the door count a repeat and drop the oldest rows, and refuses a count below one', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    db.exec(ROWS);
    db.prepare("UPDATE refused_attempts SET seen_count = seen_count + 1, last_at = 't', last_ms = 3 WHERE id = 'r1'").run();
    expect(() => db.prepare("UPDATE refused_attempts SET seen_count = 0 WHERE id = 'r2'").run()).toThrow(/CHECK/);
    db.prepare("DELETE FROM refused_attempts WHERE id = 'r2'").run();
    expect(db.prepare('SELECT id, seen_count FROM refused_attempts').all()).toEqual([{ id: 'r1', seen_count: 2 }]);
  });

  it("finds a credential's newest row through the key index", () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const plan = queryPlan(
      db,
      'SELECT id FROM refused_attempts WHERE method = ? AND presented = ? AND reason = ? ORDER BY occurred_ms DESC LIMIT 1',
      'rfid',
      '1',
      'unknown-card',
    );
    expect(plan).toMatch(/USING INDEX refused_attempts_by_key/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("keeps the Refused page's query on its time index with the counts read", () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const refused = refusedKeysSql({ from: '2026-11-01', method: 'qr' }, { ms: 5, id: 'r9' }, 51);
    expect(queryPlan(db, refused.sql, ...refused.params)).toMatch(/SEARCH r USING INDEX refused_attempts_by_time_id \(occurred_ms>\? AND \(occurred_ms,id\)<\(\?,\?\)\)$/);
  });
});
