import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLocalTime } from '../../../../shared/domain/local-time.js';
import { STAFF_ACTIONS } from '../../../../shared/staff/staff-domain.js';
import { demoRoster } from '../../demo/demo-roster.js';
import { AttendanceLog, ensureDeviceId } from '../../ledger/attendance-log.js';
import { verifyChain } from '../../ledger/event-chain.js';
import { RosterStore } from '../../roster/roster-store.js';
import { tempDataDir } from '../../testing/fixtures.js';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { allowedValues } from './0011-allowed-values.js';

const BEFORE = migrations.filter((m) => m.version < allowedValues.version);
const ALL = [...BEFORE, allowedValues];
const TABLES = ['sync_outbox', 'sync_outbox_body', 'admin_audit', 'staff_audit', 'attendance_events'] as const;

/** Every row of the tables the migration rebuilds (and the chain it must not touch), rowid included. */
function snapshot(db: BetterSqlite3.Database): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT rowid AS _rowid, * FROM ${t} ORDER BY rowid`).all()]));
}

/** A 0010 database with a kindergarten's worth of records: chained events with their outbox rows in every state, and audits. */
function databaseAt0010(): BetterSqlite3.Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, BEFORE);
  const roster = demoRoster();
  new RosterStore(db).seed(roster);
  const now = new Date('2026-11-23T03:00:00.000Z');
  const log = new AttendanceLog(db, ensureDeviceId(db, now));
  const children = roster.children.slice(0, 20);
  for (let i = 0; i < 10; i++) {
    const at = toLocalTime(new Date(now.getTime() + i * 60_000), 300);
    log.append(
      children.map((c) => ({ childId: c.id, kind: i % 2 === 0 ? 'arrival' : 'departure', method: 'override', companionId: null, credentialId: null, staffId: null })),
      at,
    );
  }
  db.exec(`
    UPDATE sync_outbox SET state = 'sent', sent_ms = 1, attempts = 1 WHERE seq <= 50;
    UPDATE sync_outbox SET state = 'rejected', rejected_reason = 'no such child' WHERE seq = 60;
    DELETE FROM sync_outbox_body WHERE seq <= 10;
    DELETE FROM sync_outbox WHERE seq <= 10;
    INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-test', 'Жанна', 'Сейітова', 'admin');
    INSERT INTO admin_audit VALUES ('a1', 't', 1, 'tabel-export', 's-test', '{"month":"2026-11"}'), ('a2', 't', 2, 'card-revoked', 's-test', '{}');
    INSERT INTO staff_audit VALUES ('st1', 't', 1, 'sign-in', 's-test', NULL, '{}'), ('st2', 't', 2, 'account-unlocked', NULL, 's-test', '{"x":1}');
  `);
  return db;
}

describe('migration 0011 allowed values', () => {
  it('keeps every row as it was, rowid and all, and the chain still verifies', () => {
    const db = databaseAt0010();
    const before = snapshot(db);
    expect(before.attendance_events).toHaveLength(200);
    expect(migrate(db, ALL).applied).toEqual([11]);
    expect(snapshot(db)).toEqual(before);
    const events = db.prepare<[], Parameters<typeof verifyChain>[0] extends Iterable<infer E> ? E : never>('SELECT * FROM attendance_events ORDER BY device_seq').all();
    expect(verifyChain(events)).toMatchObject({ intact: true, events: 200 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The body still belongs to its outbox row: sending settles and drops them together as before.
    expect(() => db.exec('DELETE FROM sync_outbox WHERE seq = 20')).not.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM sync_outbox_body WHERE seq = 20').get()).toEqual({ n: 0 });
    expect(() => db.exec('DELETE FROM sync_outbox WHERE seq = 100')).toThrow(/keeps pending/);
  });

  it('refuses a value not in its list, and a new value needs one INSERT, not a rebuild', () => {
    const db = databaseAt0010();
    migrate(db, ALL);
    const queue = (type: string) => db.prepare("INSERT INTO sync_outbox (record_id, record_type, queued_ms) VALUES (?, ?, 1)").run(`r-${type}`, type);
    expect(() => queue('parent-feedback')).toThrow(/sync_outbox.record_type is not in outbox_record_types/);
    expect(() => db.exec("INSERT INTO admin_audit VALUES ('a9', 't', 9, 'coffee-made', 's-test', '{}')")).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(() => db.exec("INSERT INTO staff_audit VALUES ('st9', 't', 9, 'coffee-made', NULL, NULL, '{}')")).toThrow(/staff_audit.action is not in staff_audit_actions/);

    const schemaBefore = db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'sync_outbox' ORDER BY name").all();
    db.exec("INSERT INTO outbox_record_types (name) VALUES ('parent-feedback')");
    expect(() => queue('parent-feedback')).not.toThrow();
    expect(db.prepare("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'sync_outbox' ORDER BY name").all()).toEqual(schemaBefore);
    // A value in use is never taken away or renamed.
    expect(() => db.exec("DELETE FROM outbox_record_types WHERE name = 'attendance'")).toThrow(/append-only/);
    expect(() => db.exec("UPDATE staff_audit_actions SET name = 'x' WHERE name = 'sign-in'")).toThrow(/append-only/);
    // No CHECK lists the values any more.
    for (const t of ['sync_outbox', 'admin_audit', 'staff_audit']) {
      expect(db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t)?.sql).not.toMatch(/(record_type|action) IN/);
    }
  });

  it('every value the kiosk writes today is in its list', () => {
    const db = new BetterSqlite3(':memory:');
    // Every migration: a later one adds its own values to the lists (0021 'certificate-check').
    migrate(db, migrations);
    const listed = (list: string) => db.prepare<[], { name: string }>(`SELECT name FROM ${list}`).all().map((r) => r.name).sort();
    expect(listed('staff_audit_actions')).toEqual([...STAFF_ACTIONS].sort());
    expect(listed('outbox_record_types')).toEqual(expect.arrayContaining(['attendance', 'credential-change']));
  });
});

describe('migration 0011 on a file', () => {
  it('leaves a whole file that a fresh connection reads with the new schema', () => {
    const path = join(tempDataDir(), 'esik.sqlite');
    const db = new BetterSqlite3(path);
    db.pragma('journal_mode = WAL');
    migrate(db, BEFORE);
    // Opened before the migration: the schema version that moves makes it read the new definitions.
    const other = new BetterSqlite3(path);
    expect(other.prepare('SELECT count(*) AS n FROM sync_outbox').get()).toEqual({ n: 0 });
    // A file at an older schema is migrated only behind a copy (migrate.ts): this test of the migration takes none.
    migrate(db, ALL, { copyBefore: () => undefined });
    db.close();
    expect(other.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(other.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'sync_outbox'").get()?.sql).not.toMatch(/record_type IN/);
    expect(() => other.prepare("INSERT INTO sync_outbox (record_id, record_type, queued_ms) VALUES ('r', 'nope', 1)").run()).toThrow(/not in outbox_record_types/);
    other.close();
  });
});
