import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { updateAudit } from './0018-update-audit.js';

const BEFORE = migrations.filter((m) => m.version < updateAudit.version);
const ACTIONS = ['update-feed-set', 'update-quiet-hours-set', 'update-from-folder', 'update-install-ordered'];

describe('migration 0018 update audit', () => {
  it('lets the admin audit keep the update settings and acts, which the list before it refused', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec("INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
    const audited = (id: string, action: string) => db.prepare("INSERT INTO admin_audit VALUES (?, 't', 1, ?, 's-admin', '{}')").run(id, action);
    for (const action of ACTIONS) expect(() => audited(`before-${action}`, action)).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(migrate(db, [...BEFORE, updateAudit]).applied).toEqual([updateAudit.version]);
    for (const action of ACTIONS) expect(() => audited(`after-${action}`, action)).not.toThrow();
    expect(() => db.exec("DELETE FROM admin_audit WHERE id = 'after-update-feed-set'")).toThrow(/append-only/);
  });
});
