import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { peers } from './0027-peers.js';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';

const BEFORE = migrations.filter((m) => m.version < peers.version);
const HASH = 'a'.repeat(64);
const HLC = '1795403523120-0000';
const ROWS = `
  INSERT INTO groups (id, name) VALUES ('g1', 'Балапан');
  INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Жұмабаев');
  INSERT INTO staff (id, first_name, last_name, role) VALUES ('head', 'Жанна', 'Сейітова', 'admin');
  INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, occurred_at, occurred_ms, local_date, prev_hash, hash) VALUES
    ('e1', 'door', 1, 'c1', 'arrival', 'override', '2020-02-03T08:00:00+05:00', 0, '2020-02-03', '${HASH}', '${HASH}'),
    ('e2', 'door', 2, 'c1', 'arrival', 'rfid', '2021-02-03T08:00:00+05:00', 0, '2021-02-03', '${HASH}', '${HASH}');
  INSERT INTO corrections (id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms) VALUES ('k1', 'attendance', 'e2', 'head', 'by mistake', '', 0);`;

const row = (device: string, seq: number, kind: string, id: string, body: string | null = null) =>
  `INSERT INTO peer_log (device_id, seq, kind, record_id, hlc, base, content_hash, prev_hash, hash, sig, body, received_ms)
   VALUES ('${device}', ${seq}, '${kind}', '${id}', '${HLC}', NULL, '${HASH}', '${HASH}', '${HASH}', NULL, ${body === null ? 'NULL' : `'${body}'`}, 0)`;

describe('migration 0027 peers', () => {
  it('keeps the corrections already written, and then takes a second correction of the same record', () => {
    const db = migratedDatabase(BEFORE, ROWS);
    const again = () => db.prepare("INSERT INTO corrections VALUES ('k2', 'attendance', 'e2', 'head', 'also at the office', '', 1)").run();
    expect(again).toThrow(/UNIQUE/);
    expect(migrate(db, [...BEFORE, peers]).applied).toEqual([peers.version]);
    expect(db.prepare('SELECT id FROM corrections').pluck().all()).toEqual(['k1']);
    expect(again).not.toThrow();
    expect(() => db.prepare("INSERT INTO corrections VALUES ('k3', 'attendance', 'nothing', 'head', 'x', '', 1)").run()).toThrow(/existing record/);
    expect(() => db.exec("UPDATE corrections SET reason = 'y'")).toThrow(/corrections is append-only/);
    expect(() => db.exec('DELETE FROM corrections')).toThrow(/corrections is append-only/);
    // Every "withdrawn?" query still reads an index.
    expect(queryPlan(db, "SELECT 1 FROM corrections c WHERE c.target_type = 'attendance' AND c.target_id = ?", 'e1')).toMatch(/USING (COVERING )?INDEX corrections_by_target/);
    db.close();
  });

  it('keeps the peer log append-only, one record id at one place, bodies for all kinds but attendance', () => {
    const db = migratedDatabase(migrations, ROWS);
    db.exec(row('door', 1, 'attendance', 'e1'));
    db.exec(row('door', 2, 'absence', 'r2', '{"type":"absence"}'));
    expect(() => db.exec(row('door', 2, 'absence', 'r3', '{}'))).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.exec(row('office', 1, 'absence', 'r2', '{}'))).toThrow(/UNIQUE/);
    expect(() => db.exec(row('door', 3, 'absence', 'r4'))).toThrow(/CHECK/);
    expect(() => db.exec(row('door', 3, 'attendance', 'e2', '{}'))).toThrow(/CHECK/);
    expect(() => db.exec(row('door', 3, 'gossip', 'r5', '{}'))).toThrow(/peer_kinds/);
    expect(() => db.exec(row('door', 0, 'setting', 'r6', '{}'))).toThrow(/CHECK/);
    expect(() => db.exec(row('door', 3, 'setting', 'r7', '{}').replace(HLC, '179540352312-0000'))).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE peer_log SET hlc = '1795403523121-0000'")).toThrow(/peer_log is append-only/);
    expect(() => db.exec("UPDATE peer_log SET sig = zeroblob(64) WHERE seq = 2")).toThrow(/peer_log is append-only/);
    expect(() => db.exec("DELETE FROM peer_log WHERE seq = 2")).toThrow(/peer_log is append-only/);
    expect(() => db.exec("DELETE FROM peer_log WHERE seq = 1")).toThrow(/peer_log is append-only/);
    // Once the archive holds its event, an attendance row may leave (before the event does); nothing else.
    db.exec(`INSERT INTO archive_boundaries (year, device_id, first_seq, last_seq, start_hash, head_hash, file_name, sha256, bytes, counts, staff_id, archived_at, archived_ms)
             VALUES (2020, 'door', 1, 1, '${HASH}', '${HASH}', 'esik-2020.sqlite', '${HASH}', 1, '{}', 'head', '', 0)`);
    expect(db.prepare('DELETE FROM peer_log WHERE seq = 1').run().changes).toBe(1);
    expect(() => db.exec("DELETE FROM peer_log WHERE seq = 2")).toThrow(/peer_log is append-only/);
    db.close();
  });

  it('reads have, a page and a record by id from indexes', () => {
    const db = migratedDatabase(migrations);
    expect(queryPlan(db, 'SELECT device_id, max(seq) AS seq FROM peer_log GROUP BY device_id')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_peer_log_\d/);
    expect(queryPlan(db, 'SELECT device_id, max(seq) AS seq FROM peer_log GROUP BY device_id')).not.toMatch(/TEMP B-TREE/);
    const page = queryPlan(db, 'SELECT * FROM peer_log WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?', 'door', 0, 100);
    expect(page).toMatch(/SEARCH peer_log USING INDEX sqlite_autoindex_peer_log_\d \(device_id=\? AND seq>\?\)/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    expect(queryPlan(db, 'SELECT * FROM peer_log WHERE record_id = ?', 'r1')).toMatch(/SEARCH peer_log USING INDEX sqlite_autoindex_peer_log_\d \(record_id=\?\)/);
    expect(queryPlan(db, "SELECT o.seq FROM relay_outbox o WHERE o.origin_device_id = ? AND o.state = 'pending' AND o.seq > ? ORDER BY o.seq LIMIT 10", 'door', 0)).toMatch(
      /USING (COVERING )?INDEX relay_outbox_by_origin_state/,
    );
    db.close();
  });

  it('makes the relay outbox keep what is unsent and fixed, as sync_outbox does', () => {
    const db = migratedDatabase(migrations);
    db.exec("INSERT INTO relay_outbox (origin_device_id, record_id, record_type, queued_ms) VALUES ('door', 'r1', 'absence', 1)");
    db.exec(`INSERT INTO relay_outbox_body (seq, body) VALUES (1, '{"type":"absence"}')`);
    expect(() => db.exec("INSERT INTO relay_outbox (origin_device_id, record_id, record_type, queued_ms) VALUES ('door', 'r1', 'absence', 1)")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO relay_outbox (origin_device_id, record_id, record_type, queued_ms) VALUES ('door', 'r2', 'setting', 1)")).toThrow(/outbox_record_types/);
    expect(() => db.exec("UPDATE relay_outbox SET origin_device_id = 'office'")).toThrow(/fixed once queued/);
    expect(() => db.exec("UPDATE relay_outbox_body SET body = '{}'")).toThrow(/fixed once queued/);
    expect(() => db.exec('DELETE FROM relay_outbox')).toThrow(/keeps pending/);
    db.exec("UPDATE relay_outbox SET state = 'sent', sent_ms = 2");
    expect(db.prepare('DELETE FROM relay_outbox').run().changes).toBe(1);
    expect(db.prepare('SELECT count(*) FROM relay_outbox_body').pluck().get()).toBe(0);
    db.close();
  });

  it("adds the peers' admin audit actions and shapes the verified point like chain_verified", () => {
    const db = migratedDatabase(migrations);
    const names = db.prepare('SELECT name FROM admin_audit_actions').pluck().all();
    expect(names).toEqual(expect.arrayContaining(['peer-paired', 'peer-pair-refused', 'peer-revoked', 'peer-refused', 'bundle-written', 'bundle-read', 'bundle-refused', 'machine-role-set']));
    const columns = (table: string) => db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info('${table}')`).all();
    expect(columns('peer_chain_verified')).toEqual(columns('chain_verified'));
    expect(() => db.exec("INSERT INTO peer_bundles VALUES ('b1', 'read', 'door', 'x.esikpeer', '{}', 1, NULL, 0)")).not.toThrow();
    expect(() => db.exec("DELETE FROM peer_bundles")).toThrow(/append-only/);
    db.close();
  });
});
