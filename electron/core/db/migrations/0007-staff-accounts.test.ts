import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';
import { STAFF_ACTIONS } from '../../../../shared/staff/staff-domain.js';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { staffAccounts } from './0007-staff-accounts.js';

/** Every migration before this one, as registered. */
const BEFORE = migrations.filter((m) => m.version < staffAccounts.version);
const ALL = [...BEFORE, staffAccounts];

const ROSTER = `
  INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Жанна', 'Сейітова', 'admin');
  INSERT INTO staff_audit VALUES ('a1', '2026-11-23T08:00:00.000+05:00', 1, 'sign-in', 's1', 'x', '{"via":"name"}');
  INSERT INTO staff_audit VALUES ('a2', '2026-11-23T08:01:00.000+05:00', 2, 'sign-out', 's1', 'x', '{}');
`;

const fresh = (): Database => migratedDatabase(ALL);

describe('migration 0007 staff accounts', () => {
  it('keeps every audit row of a database that already holds 0006 data', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec(ROSTER);
    expect(migrate(db, ALL).applied).toEqual([7]);
    expect(db.prepare('SELECT id, action, staff_id, subject_id, detail FROM staff_audit ORDER BY occurred_ms').all()).toEqual([
      { id: 'a1', action: 'sign-in', staff_id: 's1', subject_id: 'x', detail: '{"via":"name"}' },
      { id: 'a2', action: 'sign-out', staff_id: 's1', subject_id: 'x', detail: '{}' },
    ]);
  });

  it('accepts every staff action the code knows, and nothing else', () => {
    const db = fresh();
    db.exec(ROSTER);
    const insert = db.prepare(`INSERT INTO staff_audit VALUES (?, 't', 3, ?, 's1', NULL, '{}')`);
    // The acts of 0007's CHECK: a later one joins the list in its own migration (0021 'certificate-check', 0022 'paper-day',
    // 0025 'staff-alert-handled', 0037 'account-deactivated').
    const later: readonly string[] = ['certificate-check', 'paper-day', 'staff-alert-handled', 'account-deactivated'];
    for (const action of STAFF_ACTIONS.filter((a) => !later.includes(a))) insert.run(`row-${action}`, action);
    expect(() => insert.run('row-x', 'pin-shown')).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO staff_audit VALUES ('j', 't', 3, 'pin-set', 's1', NULL, 'not json')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO staff_audit VALUES ('f', 't', 3, 'pin-set', 'nobody', NULL, '{}')`).run()).toThrow(/FOREIGN KEY/);
  });

  it('stays append-only', () => {
    const db = fresh();
    db.exec(ROSTER);
    expect(() => db.prepare('DELETE FROM staff_audit').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE staff_audit SET detail = detail').run()).toThrow(/append-only/);
  });

  it('reads the trail by time and by staff member from its indexes', () => {
    const db = fresh();
    expect(queryPlan(db, 'SELECT * FROM staff_audit WHERE occurred_ms >= ? ORDER BY occurred_ms, id', 0)).toMatch(/USING INDEX staff_audit_by_time/);
    expect(queryPlan(db, 'SELECT * FROM staff_audit WHERE staff_id = ? ORDER BY occurred_ms', 's1')).toMatch(/USING INDEX staff_audit_by_staff/);
  });
});
