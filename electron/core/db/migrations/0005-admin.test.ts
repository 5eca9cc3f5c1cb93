import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';
import { logKeysSql, type LogConditions, type LogDriver } from '../../admin/log-sql.js';
import { TABEL_SQL } from '../../admin/tabel-service.js';
import { migrate } from '../migrate.js';
import { initial } from './0001-initial.js';
import { trustedKeys } from './0002-trusted-keys.js';
import { syncOutbox } from './0003-sync-outbox.js';
import { staff } from './0004-staff.js';
import { admin } from './0005-admin.js';

const ALL = [initial, trustedKeys, syncOutbox, staff, admin];

const ROSTER = `
  INSERT INTO groups VALUES ('g1', 'Балапан', 0);
  INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Жұмабаев');
  INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Жанна', 'Сейітова', 'admin');
  INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash)
    VALUES ('e1', 'd1', 1, 'c1', 'arrival', 'override', 's1', '2026-11-23T08:12:00.000+05:00', 1, '2026-11-23', 'p', 'h');
`;

const fresh = (): Database => migratedDatabase(ALL, ROSTER);

describe('migration 0005 admin', () => {
  it('applies on top of a database that already holds 0004 data', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [initial, trustedKeys, syncOutbox, staff]);
    db.exec(ROSTER);
    expect(migrate(db, ALL).applied).toEqual([5]);
    expect(db.prepare('SELECT id FROM attendance_events').all()).toEqual([{ id: 'e1' }]);
  });

  it('keeps the admin trail append-only and transfers well-formed', () => {
    const db = fresh();
    db.prepare(`INSERT INTO admin_audit VALUES ('a1', 't', 1, 'tabel-export', 's1', '{}')`).run();
    expect(() => db.prepare('DELETE FROM admin_audit').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE admin_audit SET action = 'transfer-set'").run()).toThrow(/append-only/);
    expect(() => db.prepare(`INSERT INTO admin_audit VALUES ('a2', 't', 1, 'hack', 's1', '{}')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO admin_audit VALUES ('a3', 't', 1, 'tabel-export', 'nobody', '{}')`).run()).toThrow(/FOREIGN KEY/);

    const transfer = db.prepare('INSERT INTO calendar_transfers (date, kind, note, staff_id, set_at, set_ms) VALUES (?, ?, NULL, ?, ?, 1)');
    transfer.run('2026-12-31', 'day-off', 's1', 't');
    expect(() => transfer.run('2026-12-31', 'working-day', 's1', 't')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => transfer.run('31.12.2026', 'day-off', 's1', 't')).toThrow(/CHECK/);
    expect(() => transfer.run('2026-12-30', 'holiday', 's1', 't')).toThrow(/CHECK/);
    // Working state: an admin may clear a wrong transfer (admin_audit keeps that it happened).
    db.prepare("DELETE FROM calendar_transfers WHERE date = '2026-12-31'").run();
  });

  it('walks every filter of the log on its own index, in page order, never sorting the table', () => {
    const db = fresh();
    const cursor = { ms: 5, id: 'x' };
    const cases: [LogDriver, LogConditions, RegExp][] = [
      [{ kind: 'time' }, {}, /COVERING INDEX attendance_log_by_time \(occurred_ms>\? AND \(occurred_ms,id\)<\(\?,\?\)\)/],
      [{ kind: 'time' }, { from: '2026-11-01', to: '2026-11-30', groupId: 'g1', syncState: 'sent' }, /USING INDEX attendance_log_by_time \(occurred_ms>\?/],
      [{ kind: 'time' }, { syncState: 'other-kiosk', people: { childIds: ['c1'], companionIds: [] } }, /USING INDEX attendance_log_by_time/],
      [{ kind: 'child', id: 'c1' }, { childId: 'c1', method: 'qr', from: '2026-11-01' }, /USING INDEX attendance_log_by_child \(child_id=\? AND occurred_ms>\?/],
      [{ kind: 'companion', id: 'p1' }, { companionId: 'p1', groupId: 'g1' }, /USING (COVERING )?INDEX attendance_log_by_companion \(companion_id=\?/],
      [{ kind: 'staff', id: 's1' }, { staffId: 's1', method: 'override' }, /USING (COVERING )?INDEX attendance_log_by_staff \(staff_id=\?/],
      [{ kind: 'method', method: 'override' }, { method: 'override', to: '2026-11-30' }, /USING (COVERING )?INDEX attendance_log_by_method \(method=\?/],
    ];
    for (const [driver, conditions, expected] of cases) {
      const { sql, params } = logKeysSql(conditions, driver, cursor, 51, 'd1');
      const detail = queryPlan(db, sql, ...params);
      expect(detail, JSON.stringify(conditions)).toMatch(expected);
      expect(detail, JSON.stringify(conditions)).not.toMatch(/TEMP B-TREE|SCAN e\b|SCAN attendance_events/);
      // The sync state and group are checked per row by key, not by walking their tables.
      expect(detail).not.toMatch(/SCAN (c|q|o)\b/);
    }
    // A rare sync state is read from the outbox's state index; only those rows are sorted.
    const sparse = logKeysSql({ syncState: 'rejected' }, { kind: 'outbox', state: 'rejected' }, null, 51, 'd1');
    expect(queryPlan(db, sparse.sql, ...sparse.params)).toMatch(/SEARCH o USING (COVERING )?INDEX sync_outbox_by_state \(state=\?\).*SEARCH e USING INDEX sqlite_autoindex_attendance_events_1 \(id=\?\)/);
    // A page's details read the paper days of 0022 (a day entered later): their plan is checked there, as the Refused
    // page's own query, which reads columns of 0009, is checked there.
  });

  it("reads the табель's month per child from indexes", () => {
    const db = fresh();
    // Which children the month lists reads child_enrolments of 0017: its plan is checked there.
    const days = queryPlan(db, TABEL_SQL.presentDays, ...['g1', '2026-11-01', '2026-11-30']);
    expect(days).toMatch(/SEARCH c USING INDEX children_by_group \(group_id=\?\)/);
    expect(days).toMatch(/SEARCH e USING COVERING INDEX attendance_child_days \(child_id=\? AND local_date>\? AND local_date<\?\)/);
    // Where the kiosk's records begin: the first entry of the day index, not a scan.
    expect(queryPlan(db, 'SELECT min(local_date) AS day FROM attendance_events', ...[])).toMatch(/SEARCH attendance_events USING COVERING INDEX attendance_by_day/);
    expect(queryPlan(db, TABEL_SQL.absences, ...['g1', '2025-10-31', '2026-11-30', '2026-11-01'])).toMatch(
      /SEARCH a USING INDEX absences_by_child \(child_id=\? AND first_date>\? AND first_date<\?\)/,
    );
  });
});
