import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { machineRoleAudit } from './0026-machine-role-audit.js';

const BEFORE = migrations.filter((m) => m.version < machineRoleAudit.version);

describe('migration 0026 machine-role audit', () => {
  it('lets the admin audit keep the role of this computer changed, which the list before it refused', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec("INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
    const audited = (id: string) => db.prepare("INSERT INTO admin_audit VALUES (?, 't', 1, 'machine-role-set', 's-admin', '{\"from\":\"door\",\"to\":\"office\"}')").run(id);
    expect(() => audited('before')).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(migrate(db, [...BEFORE, machineRoleAudit]).applied).toEqual([machineRoleAudit.version]);
    expect(() => audited('after')).not.toThrow();
    expect(() => db.exec("DELETE FROM admin_audit WHERE id = 'after'")).toThrow(/append-only/);
  });
});
