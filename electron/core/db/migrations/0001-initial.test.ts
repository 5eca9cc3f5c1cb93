import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { queryPlan } from './testing/migration-kit.js';
import { migrate } from '../migrate.js';
import { initial } from './0001-initial.js';

function fresh(): Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [initial]);
  db.exec(`
    INSERT INTO groups VALUES ('g1', 'Балапан', 0);
    INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Жұмабаев');
    INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, occurred_at, occurred_ms, local_date, prev_hash, hash)
      VALUES ('e1', 'd1', 1, 'c1', 'arrival', 'rfid', '2026-11-23T08:12:00.000+05:00', 1, '2026-11-23', 'p', 'h');
  `);
  return db;
}

describe('migration 0001 initial', () => {
  it('makes attendance_events append-only', () => {
    const db = fresh();
    expect(() => db.prepare("UPDATE attendance_events SET kind = 'departure'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM attendance_events').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT kind FROM attendance_events').get()).toEqual({ kind: 'arrival' });
  });

  it('makes refused_attempts append-only', () => {
    const db = fresh();
    db.prepare("INSERT INTO refused_attempts VALUES ('r1', 'x', 1, 'rfid', '123', 'unknown-card')").run();
    expect(() => db.prepare('DELETE FROM refused_attempts').run()).toThrow(/append-only/);
  });

  it('refuses events of unknown children, unknown kinds and a reused device sequence', () => {
    const db = fresh();
    const insert = db.prepare(`INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, occurred_at, occurred_ms, local_date, prev_hash, hash)
      VALUES (?, 'd1', ?, ?, ?, 'rfid', 't', 1, '2026-11-23', 'p', 'h')`);
    expect(() => insert.run('e2', 2, 'nobody', 'arrival')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('e3', 3, 'c1', 'teleport')).toThrow(/CHECK/);
    expect(() => insert.run('e4', 1, 'c1', 'arrival')).toThrow(/UNIQUE/);
  });

  it('answers the door\'s look-ups from indexes', () => {
    const db = fresh();
    expect(
      queryPlan(db, 'SELECT kind FROM attendance_events WHERE child_id = ? AND local_date = ? ORDER BY occurred_ms DESC, device_seq DESC LIMIT 1', 'c1', 'd'),
    ).toMatch(/USING INDEX attendance_by_child_day/);
    expect(queryPlan(db, 'SELECT id FROM credentials WHERE kind = ? AND value = ?', 'rfid', '1')).toMatch(/USING INDEX sqlite_autoindex_credentials/);
    expect(queryPlan(db, 'SELECT device_seq FROM attendance_events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1', 'd1')).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_attendance_events/,
    );
    expect(queryPlan(db, 'SELECT * FROM companion_children WHERE companion_id = ?', 'x')).toMatch(/USING PRIMARY KEY/);
  });
});
