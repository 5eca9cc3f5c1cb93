import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { returnChecks } from './0021-return-checks.js';

const BEFORE = migrations.filter((m) => m.version < returnChecks.version);

describe('migration 0021 return checks', () => {
  it('keeps returns and certificate marks append-only, one return per child and day, and lets the mark be audited and queued', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Айгерім', 'Омарова', 'staff');
      INSERT INTO groups (id, name) VALUES ('g1', 'Балапан');
      INSERT INTO children (id, group_id, first_name, last_name) VALUES ('c1', 'g1', 'Әлихан', 'Ахметов');`);
    const audited = () => db.prepare("INSERT INTO staff_audit VALUES ('a1', 't', 1, 'certificate-check', 's1', NULL, '{}')").run();
    expect(audited).toThrow(/staff_audit.action is not in staff_audit_actions/);
    expect(migrate(db, [...BEFORE, returnChecks]).applied).toEqual([returnChecks.version]);
    expect(audited).not.toThrow();
    expect(() => db.prepare("INSERT INTO sync_outbox (record_id, record_type, queued_ms) VALUES ('k1', 'certificate-check', 1)").run()).not.toThrow();

    const found = (id: string, days: number) => db.prepare("INSERT INTO return_checks VALUES (?, 'c1', '2026-12-22', ?, '2026-12-14', 1)").run(id, days);
    found('r1', 4);
    expect(() => found('r2', 4)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO return_checks VALUES ('r3', 'c1', '2026-12-23', 0, NULL, 1)").run()).toThrow(/CHECK/);
    const marked = (id: string, outcome: string) => db.prepare("INSERT INTO certificate_checks VALUES (?, 'r1', ?, 's1', 't', 1)").run(id, outcome);
    marked('m1', 'missing');
    marked('m2', 'seen');
    expect(() => marked('m3', 'maybe')).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE return_checks SET absent_days = 9")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM certificate_checks')).toThrow(/append-only/);
  });
});
