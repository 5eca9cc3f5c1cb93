import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';
import { OUTBOX_SQL } from '../../ledger/outbox-store.js';
import { migrate } from '../migrate.js';
import { initial } from './0001-initial.js';
import { trustedKeys } from './0002-trusted-keys.js';
import { syncOutbox } from './0003-sync-outbox.js';

const ALL = [initial, trustedKeys, syncOutbox];

const fresh = (): Database => migratedDatabase(ALL);

const queue = (db: Database, id: string, body = '{"type":"attendance"}'): void => {
  db.transaction(() => {
    const { lastInsertRowid } = db.prepare(OUTBOX_SQL.enqueue).run(id, 'attendance', 1);
    db.prepare(OUTBOX_SQL.enqueueBody).run(lastInsertRowid, body);
  })();
};

describe('migration 0003 sync outbox', () => {
  it('applies on top of a database that already holds events: old events have no clock offset', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, [initial, trustedKeys]);
    db.exec(`
      INSERT INTO groups VALUES ('g1', 'Балапан', 0);
      INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Жұмабаев');
      INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, occurred_at, occurred_ms, local_date, prev_hash, hash)
        VALUES ('e1', 'd1', 1, 'c1', 'arrival', 'rfid', '2026-11-23T08:12:00.000+05:00', 1, '2026-11-23', 'p', 'h');
    `);
    expect(migrate(db, ALL).applied).toEqual([3]);
    expect(db.prepare('SELECT id, clock_offset_ms FROM attendance_events').all()).toEqual([{ id: 'e1', clock_offset_ms: null }]);
    // The log stays append-only after the new column.
    expect(() => db.prepare('UPDATE attendance_events SET clock_offset_ms = 5').run()).toThrow(/append-only/);
  });

  it('queues each record once, as valid JSON, pending by default', () => {
    const db = fresh();
    queue(db, 'r1');
    expect(db.prepare('SELECT seq, state, attempts, sent_ms FROM sync_outbox').get()).toEqual({ seq: 1, state: 'pending', attempts: 0, sent_ms: null });
    expect(() => queue(db, 'r1')).toThrow(/UNIQUE/);
    expect(() => queue(db, 'r2', '{not json')).toThrow(/CHECK/);
    expect(() => db.prepare(OUTBOX_SQL.enqueue).run('r3', 'gossip', 1)).toThrow(/CHECK/);
    expect(() => db.prepare(OUTBOX_SQL.enqueueBody).run(99, '{}')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(1);
  });

  it('keeps states consistent: a rejection has a reason, a sent row a time', () => {
    const db = fresh();
    queue(db, 'r1');
    expect(() => db.prepare("UPDATE sync_outbox SET state = 'rejected'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sync_outbox SET state = 'sent'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sync_outbox SET state = 'lost'").run()).toThrow(/CHECK/);
    db.prepare(OUTBOX_SQL.markRejected).run('unknown child', 1);
    expect(db.prepare('SELECT state, rejected_reason, attempts FROM sync_outbox').get()).toEqual({
      state: 'rejected',
      rejected_reason: 'unknown child',
      attempts: 1,
    });
  });

  it('never changes a queued body and never deletes a pending or rejected row', () => {
    const db = fresh();
    queue(db, 'r1');
    queue(db, 'r2');
    queue(db, 'r3');
    expect(() => db.prepare(`UPDATE sync_outbox_body SET body = '{}'`).run()).toThrow(/fixed once queued/);
    expect(() => db.prepare(`UPDATE sync_outbox SET record_id = 'x' WHERE seq = 1`).run()).toThrow(/fixed once queued/);
    db.prepare(OUTBOX_SQL.markRejected).run('no', 2);
    db.prepare(OUTBOX_SQL.markSent).run(5, '[3]');
    expect(() => db.prepare("DELETE FROM sync_outbox WHERE record_id = 'r1'").run()).toThrow(/keeps pending and rejected/);
    expect(() => db.prepare("DELETE FROM sync_outbox WHERE record_id = 'r2'").run()).toThrow(/keeps pending and rejected/);
    expect(() => db.prepare('DELETE FROM sync_outbox_body WHERE seq = 1').run()).toThrow(/keeps pending and rejected/);
    // A sent record may be pruned one day; its body goes with it.
    expect(db.prepare("DELETE FROM sync_outbox WHERE record_id = 'r3'").run().changes).toBe(1);
    expect(db.prepare('SELECT seq FROM sync_outbox_body ORDER BY seq').pluck().all()).toEqual([1, 2]);
  });

  it('holds sync state as key/value text', () => {
    const db = fresh();
    db.prepare("INSERT INTO sync_state VALUES ('server_url', 'https://city.example')").run();
    expect(() => db.prepare("INSERT INTO sync_state VALUES ('server_url', 'x')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare("INSERT INTO sync_state VALUES ('k', NULL)").run()).toThrow(/NOT NULL/);
  });

  it("answers the push engine's queries from indexes, never a table scan", () => {
    const db = fresh();
    const byState = /USING (COVERING )?INDEX sync_outbox_by_state/;
    expect(queryPlan(db, OUTBOX_SQL.nextPending, 0, 1000)).toMatch(byState);
    expect(queryPlan(db, OUTBOX_SQL.nextPending, 0, 1000)).not.toMatch(/TEMP B-TREE/);
    expect(queryPlan(db, OUTBOX_SQL.countPending)).toMatch(/USING COVERING INDEX sync_outbox_by_state/);
    expect(queryPlan(db, OUTBOX_SQL.countRejected)).toMatch(/USING COVERING INDEX sync_outbox_by_state/);
    expect(queryPlan(db, OUTBOX_SQL.sentFrom, 1, 100)).toMatch(byState);
    expect(queryPlan(db, OUTBOX_SQL.sentFrom, 1, 100)).not.toMatch(/TEMP B-TREE/);
    expect(queryPlan(db, OUTBOX_SQL.rejected, 100)).toMatch(byState);
    expect(queryPlan(db, OUTBOX_SQL.markSent, 1, '[1]')).toMatch(/SEARCH sync_outbox USING .*seq=\?\)/);
    expect(queryPlan(db, OUTBOX_SQL.nextPending, 0, 1000)).toMatch(/SEARCH b USING INTEGER PRIMARY KEY/);
    expect(queryPlan(db, OUTBOX_SQL.requeue, 'r')).toMatch(/USING INDEX sqlite_autoindex_sync_outbox_1/);
    expect(queryPlan(db, OUTBOX_SQL.noteFailure, 'e', 1, 2)).toMatch(byState);
    expect(queryPlan(db, 'SELECT value FROM sync_state WHERE key = ?', 'k')).toMatch(/USING INDEX sqlite_autoindex_sync_state_1/);
    for (const sql of Object.values(OUTBOX_SQL)) expect(queryPlan(db, sql.replace(/\?/g, 'NULL'))).not.toMatch(/SCAN (sync_outbox|o|b)\b(?! USING)/);
  });
});
