import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';
import { PRESENCE_SQL } from '../../staff/presence-store.js';
import { migrate } from '../migrate.js';
import { initial } from './0001-initial.js';
import { trustedKeys } from './0002-trusted-keys.js';
import { syncOutbox } from './0003-sync-outbox.js';
import { staff } from './0004-staff.js';

const ALL = [initial, trustedKeys, syncOutbox, staff];

const ROSTER = `
  INSERT INTO groups VALUES ('g1', 'Балапан', 0);
  INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Жұмабаев');
  INSERT INTO companions VALUES ('p1', 'Бибігүл', 'Жұмабаева', 'grandmother');
  INSERT INTO credentials (id, companion_id, kind, value) VALUES ('cr1', 'p1', 'rfid', '4512345');
  INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Айгерім', 'Омарова', 'staff');
  INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, staff_id, occurred_at, occurred_ms, local_date, prev_hash, hash)
    VALUES ('e1', 'd1', 1, 'c1', 'arrival', 'override', 's1', '2026-11-23T08:12:00.000+05:00', 1, '2026-11-23', 'p', 'h');
`;

const fresh = (): Database => migratedDatabase(ALL, ROSTER);

const absence = (db: Database, id: string, reason = 'sick', note: string | null = null) =>
  db
    .prepare(`INSERT INTO absences (id, child_id, first_date, last_date, reason, note, staff_id, recorded_at, recorded_ms) VALUES (?, 'c1', '2026-11-23', '2026-11-24', ?, ?, 's1', 't', 1)`)
    .run(id, reason, note);

describe('migration 0004 staff', () => {
  it('applies on top of a database that already holds 0003 data', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [initial, trustedKeys, syncOutbox]);
    db.exec(ROSTER);
    expect(migrate(db, ALL).applied).toEqual([4]);
    expect(db.prepare('SELECT id FROM attendance_events').all()).toEqual([{ id: 'e1' }]);
  });

  it('makes every record table append-only', () => {
    const db = fresh();
    db.prepare(`INSERT INTO staff_audit VALUES ('a1', 't', 1, 'sign-in', 's1', NULL, '{}')`).run();
    db.prepare(`INSERT INTO override_reasons (event_id, reason) VALUES ('e1', 'forgot-card')`).run();
    absence(db, 'ab1');
    db.prepare(`INSERT INTO corrections VALUES ('k1', 'attendance', 'e1', 's1', 'mistake', 't', 1)`).run();
    db.prepare(`INSERT INTO headcounts VALUES ('h1', '2026-11-23', 't', 1, 'cut-off', NULL, '[]')`).run();
    db.prepare(`INSERT INTO closing_resolutions VALUES ('r1', '2026-11-23', 'c1', 'still-here', NULL, 'waiting', 's1', 't', 1)`).run();
    for (const table of ['staff_audit', 'override_reasons', 'absences', 'corrections', 'headcounts', 'closing_resolutions']) {
      expect(() => db.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
      expect(() => db.prepare(`UPDATE ${table} SET rowid = rowid`).run(), table).toThrow(/append-only/);
    }
  });

  it('refuses records that break the rules', () => {
    const db = fresh();
    expect(() => db.prepare(`INSERT INTO staff_audit VALUES ('a1', 't', 1, 'hack', 's1', NULL, '{}')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO staff_audit VALUES ('a2', 't', 1, 'sign-in', 's1', NULL, 'not json')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO override_reasons (event_id, reason) VALUES ('e1', 'other')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO override_reasons (event_id, reason) VALUES ('nope', 'forgot-card')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => absence(db, 'ab1', 'other')).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO absences (id, child_id, first_date, last_date, reason, staff_id, recorded_at, recorded_ms) VALUES ('ab2', 'c1', '2026-11-24', '2026-11-23', 'sick', 's1', 't', 1)`).run(),
    ).toThrow(/CHECK/);
    // A correction points at a real record, once.
    expect(() => db.prepare(`INSERT INTO corrections VALUES ('k1', 'attendance', 'missing', 's1', 'x', 't', 1)`).run()).toThrow(/existing record/);
    expect(() => db.prepare(`INSERT INTO corrections VALUES ('k2', 'absence', 'e1', 's1', 'x', 't', 1)`).run()).toThrow(/existing record/);
    db.prepare(`INSERT INTO corrections VALUES ('k3', 'attendance', 'e1', 's1', 'x', 't', 1)`).run();
    expect(() => db.prepare(`INSERT INTO corrections VALUES ('k4', 'attendance', 'e1', 's1', 'y', 't', 2)`).run()).toThrow(/UNIQUE/);
    // One automatic headcount a day; manual ones name their staff member.
    db.prepare(`INSERT INTO headcounts VALUES ('h1', '2026-11-23', 't', 1, 'cut-off', NULL, '[]')`).run();
    expect(() => db.prepare(`INSERT INTO headcounts VALUES ('h2', '2026-11-23', 't', 2, 'cut-off', NULL, '[]')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO headcounts VALUES ('h3', '2026-11-23', 't', 2, 'manual', NULL, '[]')`).run()).toThrow(/CHECK/);
    // "Left" needs the departure it made; "still here" needs a note.
    expect(() => db.prepare(`INSERT INTO closing_resolutions VALUES ('r1', 'd', 'c1', 'left', NULL, NULL, 's1', 't', 1)`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO closing_resolutions VALUES ('r2', 'd', 'c1', 'still-here', NULL, ' ', 's1', 't', 1)`).run()).toThrow(/CHECK/);
  });

  it("keeps staff cards apart from companions' cards", () => {
    const db = fresh();
    expect(() => db.prepare(`INSERT INTO staff_cards (id, staff_id, value) VALUES ('sc1', 's1', '4512345')`).run()).toThrow(/companion credential/);
    db.prepare(`INSERT INTO staff_cards (id, staff_id, value) VALUES ('sc2', 's1', '7000001')`).run();
    expect(() => db.prepare(`INSERT INTO staff_cards (id, staff_id, value) VALUES ('sc3', 's1', '7000001')`).run()).toThrow(/UNIQUE/);
  });

  it('stores a PIN only as a 32-byte hash with a 16-byte salt', () => {
    const db = fresh();
    const insert = db.prepare(`INSERT INTO staff_pins (staff_id, hash, salt, params, set_at) VALUES ('s1', ?, ?, 'scrypt', 't')`);
    expect(() => insert.run('1234', Buffer.alloc(16))).toThrow(/CHECK|cannot store/);
    insert.run(Buffer.alloc(32), Buffer.alloc(16));
  });

  it("answers presence from indexes, and skips withdrawn records through the corrections' key", () => {
    const db = fresh();
    const lastEvent = queryPlan(db, PRESENCE_SQL.lastEvent, 'c1', '2026-11-23');
    expect(lastEvent).toMatch(/USING INDEX attendance_by_child_day/);
    expect(lastEvent).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_corrections_\d/);
    expect(queryPlan(db, PRESENCE_SQL.dayEvents, '2026-11-23')).toMatch(/USING INDEX attendance_by_day/);
    expect(queryPlan(db, PRESENCE_SQL.absenceOn, 'c1', '2026-11-23', '2026-11-23')).toMatch(/USING INDEX absences_by_child/);
    expect(queryPlan(db, PRESENCE_SQL.dayAbsences, '2026-11-23', '2026-11-23')).toMatch(/USING INDEX absences_by_last_date/);
    expect(queryPlan(db, 'SELECT staff_id FROM staff_cards WHERE value = ? AND revoked_at IS NULL', '1')).toMatch(/USING INDEX sqlite_autoindex_staff_cards_2/);
    expect(queryPlan(db, `SELECT 1 FROM headcounts WHERE local_date = ? AND trigger = 'cut-off'`, 'd')).toMatch(/USING (COVERING )?INDEX headcounts_/);
    expect(queryPlan(db, 'SELECT * FROM staff_audit WHERE occurred_ms >= ? ORDER BY occurred_ms, id', 0)).toMatch(/USING INDEX staff_audit_by_time/);
  });
});
