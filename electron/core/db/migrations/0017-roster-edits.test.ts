import { describe, expect, it } from 'vitest';
import { TABEL_SQL } from '../../admin/tabel-service.js';
import { CHILD_ENROLMENT_SQL } from '../../roster/child-enrolments.js';
import { ROSTER_AWAITING_CITY_SQL } from '../../roster/roster-awaiting-city.js';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { rosterEdits } from './0017-roster-edits.js';
import { migratedDatabase, queryPlan } from './testing/migration-kit.js';

const BEFORE = migrations.filter((m) => m.version < rosterEdits.version);

const ROWS = `
  INSERT INTO groups (id, name) VALUES ('g1', 'Күншуақ');
  INSERT INTO children (id, group_id, first_name, last_name, active) VALUES
    ('ch-here', 'g1', 'Ару', 'Омарова', 1), ('ch-left', 'g1', 'Әлихан', 'Ахметов', 0), ('ch-never', 'g1', 'Дана', 'Ким', 0);
  INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin');
  INSERT INTO attendance_events (id, device_id, device_seq, child_id, kind, method, occurred_at, occurred_ms, local_date, prev_hash, hash) VALUES
    ('e1', 'k', 1, 'ch-left', 'arrival', 'override', 't', 1, '2026-10-05', 'p', 'h1'),
    ('e2', 'k', 2, 'ch-left', 'arrival', 'override', 't', 2, '2026-10-14', 'h1', 'h2');`;

describe('migration 0017 roster edits', () => {
  it('gives every child the days the kiosk can tell they were enrolled, and opens a period for each child added later', () => {
    const db = migratedDatabase(BEFORE, ROWS);
    expect(migrate(db, [...BEFORE, rosterEdits]).applied).toEqual([17]);
    const periods = () => db.prepare('SELECT child_id, from_day, until_day FROM child_enrolments ORDER BY child_id').all();
    // Active: since before the kiosk knew, still enrolled. Left: until the last day anything was recorded. Never
    // recorded and inactive: no period (it was in no табель before either).
    expect(periods()).toEqual([
      { child_id: 'ch-here', from_day: null, until_day: null },
      { child_id: 'ch-left', from_day: null, until_day: '2026-10-14' },
    ]);
    db.exec("INSERT INTO children (id, group_id, first_name, last_name) VALUES ('ch-new', 'g1', 'Томирис', 'Сәрсен')");
    expect(periods()).toContainEqual({ child_id: 'ch-new', from_day: null, until_day: null });
    expect(() => db.exec("INSERT INTO child_enrolments (child_id, from_day, until_day) VALUES ('ch-new', '2026-11-01', NULL)")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO child_enrolments (child_id, from_day, until_day) VALUES ('ch-never', '2026-11-20', '2026-11-10')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO child_enrolments (child_id, from_day, until_day) VALUES ('ch-never', '20.11.2026', NULL)")).toThrow(/CHECK/);
    expect(db.prepare('SELECT active FROM groups').get()).toEqual({ active: 1 });
  });

  it('keeps roster changes append-only and lets the outbox and the audit take them', () => {
    const db = migratedDatabase([...BEFORE, rosterEdits], ROWS);
    db.exec(`INSERT INTO roster_changes VALUES ('rc1', 'b1', 'child', 'ch-here', 'child', 'console', '{}', 's-admin', 't', 1);
             INSERT INTO sync_outbox (record_id, record_type, queued_ms) VALUES ('rc1', 'roster-change', 1);
             INSERT INTO admin_audit VALUES ('a1', 't', 1, 'roster-changed', 's-admin', '{}');`);
    expect(() => db.exec("UPDATE roster_changes SET kind = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM roster_changes')).toThrow(/append-only/);
    expect(() => db.exec("INSERT INTO roster_changes VALUES ('rc2', 'b1', 'staff', 'x', 'x', 'console', '{}', 's-admin', 't', 1)")).toThrow(/CHECK/);
  });

  it('answers the roster pull and the enrolment look-ups from indexes', () => {
    const db = migratedDatabase([...BEFORE, rosterEdits], ROWS);
    expect(queryPlan(db, ROSTER_AWAITING_CITY_SQL)).toMatch(/SCAN ch.*SEARCH o USING INDEX/);
    expect(queryPlan(db, CHILD_ENROLMENT_SQL.open, 'ch-here')).toMatch(/child_enrolments_one_open|child_enrolments_by_child/);
    expect(queryPlan(db, CHILD_ENROLMENT_SQL.lastClosed, 'ch-here')).toMatch(/USING INDEX child_enrolments_by_child/);
    // The табель's children of a month: the group's children by index, each one's periods by index.
    expect(queryPlan(db, TABEL_SQL.children, 'g1', '2026-11-30', '2026-11-01')).toMatch(/SEARCH c USING INDEX children_by_group \(group_id=\?\).*SEARCH p (EXISTS )?USING INDEX child_enrolments_by_child \(child_id=\?\)/);
    expect(queryPlan(db, TABEL_SQL.enrolments, 'g1', '2026-11-30', '2026-11-01')).toMatch(/SEARCH c .*children_by_group.*SEARCH p (EXISTS )?USING INDEX child_enrolments_by_child \(child_id=\?\)/);
  });
});
