import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';
import { AWAITING_CITY_SQL } from '../../roster/card-awaiting-city.js';
import { CARD_DIRECTORY_SQL } from '../../admin/card-directory.js';
import { CARD_ENROLMENT_SQL } from '../../admin/card-enrolment.js';
import { OUTBOX_SQL } from '../../ledger/outbox-store.js';
import { migrate } from '../migrate.js';
import { initial } from './0001-initial.js';
import { trustedKeys } from './0002-trusted-keys.js';
import { syncOutbox } from './0003-sync-outbox.js';
import { staff } from './0004-staff.js';
import { admin } from './0005-admin.js';
import { cardChanges } from './0006-card-changes.js';

const BEFORE = [initial, trustedKeys, syncOutbox, staff, admin];
const ALL = [...BEFORE, cardChanges];

const ROSTER = `
  INSERT INTO groups VALUES ('g1', 'Балапан', 0);
  INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Жұмабаев');
  INSERT INTO companions VALUES ('p1', 'Бибігүл', 'Жұмабаева', 'grandmother');
  INSERT INTO credentials (id, companion_id, kind, value) VALUES ('cr1', 'p1', 'rfid', '4512345');
  INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Жанна', 'Сейітова', 'admin');
`;

/** Outbox rows in each state, with their bodies, and an admin act: what 0006 must carry over as it rebuilds. */
const QUEUE = `
  INSERT INTO sync_outbox (seq, record_id, record_type, state, attempts, last_error, rejected_reason, queued_ms, sent_ms) VALUES
    (1, 'r1', 'attendance', 'sent', 1, NULL, NULL, 10, 11),
    (2, 'r2', 'absence', 'rejected', 1, NULL, 'child c9 is not in this kindergarten', 20, NULL),
    (5, 'r5', 'headcount', 'pending', 3, 'TIMEOUT', NULL, 50, NULL);
  INSERT INTO sync_outbox_body (seq, body) VALUES (1, '{"n":1}'), (2, '{"n":2}'), (5, '{"n":5}');
  INSERT INTO admin_audit VALUES ('a1', 't', 1, 'tabel-export', 's1', '{"month":"2026-11"}');
`;

const fresh = (): Database => migratedDatabase(ALL, ROSTER);

const change = (db: Database, id: string, action: 'enrol' | 'revoke', reason: string | null = null) =>
  db
    .prepare(
      `INSERT INTO credential_changes (id, credential_id, companion_id, action, kind, value, staff_id, reason, occurred_at, occurred_ms)
       VALUES (?, 'cr1', 'p1', ?, 'rfid', '4512345', 's1', ?, '2026-11-23T10:00:00.000+05:00', 1)`,
    )
    .run(id, action, reason);

describe('migration 0006 card changes', () => {
  it('applies on top of 0005 data: every outbox row, body and admin act kept as it was; credentials are the city’s', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec(ROSTER + QUEUE);
    const outboxBefore = db.prepare('SELECT * FROM sync_outbox ORDER BY seq').all();
    expect(migrate(db, ALL).applied).toEqual([6]);
    expect(db.prepare('SELECT * FROM sync_outbox ORDER BY seq').all()).toEqual(outboxBefore);
    expect(db.prepare('SELECT seq, body FROM sync_outbox_body ORDER BY seq').all()).toEqual([
      { seq: 1, body: '{"n":1}' },
      { seq: 2, body: '{"n":2}' },
      { seq: 5, body: '{"n":5}' },
    ]);
    expect(db.prepare('SELECT id, action, detail FROM admin_audit').all()).toEqual([{ id: 'a1', action: 'tabel-export', detail: '{"month":"2026-11"}' }]);
    expect(db.prepare('SELECT id, origin FROM credentials').all()).toEqual([{ id: 'cr1', origin: 'city' }]);
    // The next record queues after the highest seq, as before.
    expect(db.prepare(OUTBOX_SQL.enqueue).run('r6', 'credential-change', 60).lastInsertRowid).toBe(6);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('takes the new record type and admin acts, and nothing else', () => {
    const db = fresh();
    db.prepare(OUTBOX_SQL.enqueue).run('r1', 'credential-change', 1);
    expect(() => db.prepare(OUTBOX_SQL.enqueue).run('r2', 'gossip', 1)).toThrow(/CHECK/);
    const act = db.prepare("INSERT INTO admin_audit VALUES (?, 't', 1, ?, 's1', '{}')");
    act.run('a1', 'card-enrolled');
    act.run('a2', 'card-revoked');
    expect(() => act.run('a3', 'card-stolen')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO credentials (id, companion_id, kind, value, origin) VALUES ('cr2', 'p1', 'rfid', '1', 'phone')").run()).toThrow(/CHECK/);
  });

  it('keeps the rebuilt outbox guarded: fixed records, kept unsent rows, bodies tied to their rows', () => {
    const db = fresh();
    db.exec(QUEUE);
    expect(() => db.prepare("UPDATE sync_outbox SET record_id = 'x' WHERE seq = 1").run()).toThrow(/fixed once queued/);
    expect(() => db.prepare("UPDATE sync_outbox_body SET body = '{}' WHERE seq = 1").run()).toThrow(/fixed once queued/);
    expect(() => db.prepare('DELETE FROM sync_outbox WHERE seq = 5').run()).toThrow(/keeps pending/);
    expect(() => db.prepare('DELETE FROM sync_outbox_body WHERE seq = 2').run()).toThrow(/keeps pending/);
    expect(() => db.prepare(OUTBOX_SQL.enqueueBody).run(99, '{}')).toThrow(/FOREIGN KEY/);
    // A sent row may go, and its body with it (the reference follows the renamed table).
    db.prepare('DELETE FROM sync_outbox WHERE seq = 1').run();
    expect(db.prepare('SELECT seq FROM sync_outbox_body ORDER BY seq').all()).toEqual([{ seq: 2 }, { seq: 5 }]);
    expect(() => db.prepare("UPDATE admin_audit SET detail = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM admin_audit').run()).toThrow(/append-only/);
    const schema = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'sync_outbox_body'").get()?.sql ?? '';
    expect(schema).toMatch(/REFERENCES "?sync_outbox"?\(seq\)/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name LIKE '%_next%'").get()).toEqual({ n: 0 });
  });

  it('keeps the change log append-only, a reason only on a revocation, every reference real', () => {
    const db = fresh();
    change(db, 'ch1', 'enrol');
    change(db, 'ch2', 'revoke', 'Lost');
    change(db, 'ch3', 'revoke');
    expect(() => change(db, 'ch4', 'enrol', 'why')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE credential_changes SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM credential_changes').run()).toThrow(/append-only/);
    // A credential with a change on record is never deleted (roster-apply then keeps it, revoked).
    expect(() => db.prepare("DELETE FROM credentials WHERE id = 'cr1'").run()).toThrow(/FOREIGN KEY/);
  });

  it('answers "awaiting the city?" and a card’s changes from indexes', () => {
    const db = fresh();
    const awaiting = queryPlan(db, AWAITING_CITY_SQL.all);
    expect(awaiting).toMatch(/^SCAN ch .*SEARCH o USING INDEX sqlite_autoindex_sync_outbox_1 \(record_id=\?\)/);
    expect(awaiting).not.toMatch(/SCAN o\b|sync_outbox_by_state/);
    const refused = queryPlan(db, AWAITING_CITY_SQL.refused);
    expect(refused).toMatch(/^SCAN ch .*SEARCH o USING INDEX sqlite_autoindex_sync_outbox_1 \(record_id=\?\)/);
    expect(refused).toMatch(/SEARCH c USING INDEX sqlite_autoindex_credentials_1 \(id=\?\)/);
    expect(queryPlan(db, CARD_DIRECTORY_SQL.changesOf, 'cr1')).toMatch(/SEARCH ch USING INDEX credential_changes_by_credential \(credential_id=\?\)/);
    expect(queryPlan(db, CARD_DIRECTORY_SQL.changesOf, 'cr1')).toMatch(/SEARCH o USING INDEX sqlite_autoindex_sync_outbox_1 \(record_id=\?\)/);
    expect(queryPlan(db, CARD_DIRECTORY_SQL.cardsOf, 'p1')).toMatch(/SEARCH credentials USING INDEX credentials_by_companion \(companion_id=\?\)/);
    // An enrolment's checks: one key look-up each, never a scan of the roster.
    expect(queryPlan(db, CARD_ENROLMENT_SQL.holder, '4512345')).toMatch(/SEARCH c USING INDEX sqlite_autoindex_credentials_\d \(kind=\? AND value=\?\)/);
    expect(queryPlan(db, CARD_ENROLMENT_SQL.staffCard, '7000001')).toMatch(/SEARCH staff_cards USING (COVERING )?INDEX sqlite_autoindex_staff_cards_\d \(value=\?\)/);
    for (const [name, params] of [['companion', ['p1']], ['credential', ['cr1']], ['retire', ['v', 'cr1']], ['revoke', ['t', 'cr1']]] as const) {
      expect(queryPlan(db, CARD_ENROLMENT_SQL[name], ...params), name).toMatch(/^SEARCH \w+ USING (COVERING )?INDEX sqlite_autoindex_\w+ \(id=\?\)$/);
    }
    // The push engine's statements still find their indexes on the rebuilt table.
    expect(queryPlan(db, OUTBOX_SQL.nextPending, 0, 10)).toMatch(/SEARCH o USING INDEX sync_outbox_by_state \(state=\? AND seq>\?\)/);
    expect(queryPlan(db, OUTBOX_SQL.requeue, 'r')).toMatch(/USING INDEX sqlite_autoindex_sync_outbox_1/);
  });
});
