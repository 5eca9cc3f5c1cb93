import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { accountDeactivatedAudit } from './0037-account-deactivated-audit.js';

const BEFORE = migrations.filter((m) => m.version < accountDeactivatedAudit.version);

describe('migration 0037 account-deactivated audit', () => {
  it('lets the staff audit keep an account deactivated after a join, which the list before it refused', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec("INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
    const audited = (id: string) => db.prepare("INSERT INTO staff_audit VALUES (?, 't', 1, 'account-deactivated', 's-admin', 's-admin', '{}')").run(id);
    expect(() => audited('before')).toThrow(/staff_audit.action is not in staff_audit_actions/);
    expect(migrate(db, [...BEFORE, accountDeactivatedAudit]).applied).toEqual([accountDeactivatedAudit.version]);
    expect(() => audited('after')).not.toThrow();
    expect(() => db.exec("DELETE FROM staff_audit WHERE id = 'after'")).toThrow(/append-only/);
  });
});
