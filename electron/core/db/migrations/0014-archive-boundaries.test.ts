import { describe, expect, it } from 'vitest';
import { migrations } from './index.js';
import { migratedDatabase } from './testing/migration-kit.js';

const HASH = 'a'.repeat(64);
const ROWS = `
  INSERT INTO groups (id, name) VALUES ('g1', 'Балапан');
  INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Жұмабаев');
  INSERT INTO staff (id, first_name, last_name, role) VALUES ('head', 'Жанна', 'Сейітова', 'admin');
  INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, occurred_at, occurred_ms, local_date, prev_hash, hash) VALUES
    ('e1', 'door', 1, 'c1', 'arrival', 'override', '2020-02-03T08:00:00+05:00', 0, '2020-02-03', '${HASH}', '${HASH}'),
    ('e2', 'door', 2, 'c1', 'arrival', 'rfid', '2021-02-03T08:00:00+05:00', 0, '2021-02-03', '${HASH}', '${HASH}'),
    ('p1', 'peer', 1, 'c1', 'arrival', 'rfid', '2020-03-03T08:00:00+05:00', 0, '2020-03-03', '${HASH}', '${HASH}'),
    ('p2', 'peer', 2, 'c1', 'arrival', 'rfid', '2021-03-03T08:00:00+05:00', 0, '2021-03-03', '${HASH}', '${HASH}');
  INSERT INTO override_reasons (event_id, reason) VALUES ('e1', 'forgot-card');
  INSERT INTO absences (id, child_id, first_date, last_date, reason, staff_id, recorded_at, recorded_ms) VALUES
    ('a1', 'c1', '2020-05-04', '2020-05-05', 'sick', 'head', '', 0),
    ('a2', 'c1', '2020-12-30', '2021-01-04', 'sick', 'head', '', 0);`;

const boundary = (year: number, first: number, last: number) =>
  `INSERT INTO archive_boundaries (year, device_id, first_seq, last_seq, start_hash, head_hash, file_name, sha256, bytes, counts, staff_id, archived_at, archived_ms)
   VALUES (${year}, 'door', ${first}, ${last}, '${HASH}', '${HASH}', 'esik-${year}.sqlite', '${HASH}', 1, '{}', 'head', '', 0)`;

describe('migration 0014: archive boundaries and the narrowed delete guards', () => {
  it('refuses every delete until a boundary covers the rows, then exactly those', () => {
    const db = migratedDatabase(migrations, ROWS);
    const del = (sql: string) => () => db.prepare(sql).run();
    expect(del("DELETE FROM override_reasons WHERE event_id = 'e1'")).toThrow(/override_reasons is append-only/);
    expect(del("DELETE FROM attendance_events WHERE id = 'p1'")).toThrow(/attendance_events is append-only/);
    expect(del("DELETE FROM absences WHERE id = 'a1'")).toThrow(/absences is append-only/);

    db.exec(boundary(2020, 1, 1));
    expect(db.prepare("DELETE FROM override_reasons WHERE event_id = 'e1'").run().changes).toBe(1);
    expect(db.prepare("DELETE FROM attendance_events WHERE id IN ('e1', 'p1')").run().changes).toBe(2);
    expect(db.prepare("DELETE FROM absences WHERE id = 'a1'").run().changes).toBe(1);
    // Later rows stay guarded: the next year's own and peer events, an absence reaching into the next year.
    expect(del("DELETE FROM attendance_events WHERE id = 'e2'")).toThrow(/append-only/);
    expect(del("DELETE FROM attendance_events WHERE id = 'p2'")).toThrow(/append-only/);
    expect(del("DELETE FROM absences WHERE id = 'a2'")).toThrow(/append-only/);
    db.close();
  });

  it('keeps boundaries append-only and in order', () => {
    const db = migratedDatabase(migrations, ROWS);
    db.exec(boundary(2020, 1, 1));
    expect(() => db.exec(boundary(2019, 1, 0))).toThrow(/follow the newest boundary/);
    expect(() => db.exec(boundary(2021, 1, 2))).toThrow(/follow the newest boundary/);
    expect(() => db.exec("UPDATE archive_boundaries SET last_seq = 5")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM archive_boundaries')).toThrow(/append-only/);
    db.exec(boundary(2021, 2, 2));
    expect(db.prepare('SELECT count(*) FROM archive_boundaries').pluck().get()).toBe(2);
    db.close();
  });
});
