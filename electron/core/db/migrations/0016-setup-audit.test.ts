import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { setupAudit } from './0016-setup-audit.js';

const BEFORE = migrations.filter((m) => m.version < setupAudit.version);

describe('migration 0016 setup audit', () => {
  it('lets the admin audit keep a setup step and a start afresh, which the list before it refused', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec("INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
    const audit = (id: string, action: string) => db.prepare("INSERT INTO admin_audit VALUES (?, 't', 1, ?, 's-admin', '{}')").run(id, action);
    expect(() => audit('a1', 'setup-step')).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(() => audit('a2', 'start-afresh')).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(migrate(db, [...BEFORE, setupAudit]).applied).toEqual([16]);
    expect(() => audit('a3', 'setup-step')).not.toThrow();
    expect(() => audit('a4', 'start-afresh')).not.toThrow();
    expect(() => db.exec("DELETE FROM admin_audit WHERE id = 'a3'")).toThrow(/append-only/);
  });
});
