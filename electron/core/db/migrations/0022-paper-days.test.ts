import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LOG_DETAILS_SQL } from '../../admin/log-sql.js';
import { migrate } from '../migrate.js';
import { queryPlan } from './testing/migration-kit.js';
import { migrations } from './index.js';
import { paperDays } from './0022-paper-days.js';

const BEFORE = migrations.filter((m) => m.version < paperDays.version);

describe('migration 0022 paper days', () => {
  it('keeps one entered day per group and day, append-only, with its events linked, and lets the entry be audited', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Жанна', 'Сейітова', 'admin');`);
    const audited = () => db.prepare("INSERT INTO staff_audit VALUES ('a1', 't', 1, 'paper-day', 's1', NULL, '{}')").run();
    expect(audited).toThrow(/staff_audit.action is not in staff_audit_actions/);
    expect(migrate(db, [...BEFORE, paperDays]).applied).toEqual([paperDays.version]);
    expect(audited).not.toThrow();

    const entered = (id: string, group: string, present = 3) =>
      db.prepare("INSERT INTO paper_days VALUES (?, ?, '2026-11-20', 's1', '2026-11-23T10:00:00.000+05:00', 1, ?, 1)").run(id, group, present);
    entered('p1', 'g1');
    expect(() => entered('p2', 'g1')).toThrow(/UNIQUE/);
    expect(() => entered('p3', 'g2', -1)).toThrow(/CHECK/);
    db.prepare("INSERT INTO paper_day_events VALUES ('e1', 'p1')").run();
    expect(() => db.prepare("INSERT INTO paper_day_events VALUES ('e2', 'nope')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.exec('UPDATE paper_days SET present = 9')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM paper_day_events')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM paper_days')).toThrow(/append-only/);
  });

  it("lets the log's page details find each entry's paper day by primary key, never scanning", () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const details = queryPlan(db, LOG_DETAILS_SQL, '[]');
    expect(details).toMatch(/SEARCH e USING INDEX sqlite_autoindex_attendance_events_1 \(id=\?\)/);
    // The first withdrawal of the entry by its id, found through the corrections of that target (two machines may each
    // have withdrawn it: docs/peers.md §6).
    expect(details).toMatch(/SEARCH k USING INDEX sqlite_autoindex_corrections_\d \(id=\?\)/);
    expect(details).toMatch(/SEARCH k1 USING (COVERING )?INDEX corrections_by_target \(target_type=\? AND target_id=\?\)/);
    expect(details).toMatch(/SEARCH pe USING (COVERING )?INDEX sqlite_autoindex_paper_day_events_1 \(event_id=\?\)/);
    expect(details).toMatch(/SEARCH pd USING INDEX sqlite_autoindex_paper_days_1 \(id=\?\)/);
    expect(details).not.toMatch(/SCAN (e|c|g|p|s|r|k|k1|ks|o|pe|pd)\b|TEMP B-TREE/);
  });
});
