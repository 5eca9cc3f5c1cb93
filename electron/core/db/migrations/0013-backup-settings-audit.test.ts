import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { backupSettingsAudit } from './0013-backup-settings-audit.js';

const BEFORE = migrations.filter((m) => m.version < backupSettingsAudit.version);
const ACTIONS = ['backup-retention-set', 'backup-second-place-set', 'backup-second-place-cleared'];

describe('migration 0013 backup settings audit', () => {
  it('lets the admin audit keep changes to the backup settings, which the list before it refused', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec("INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
    const audited = (id: string, action: string) => db.prepare("INSERT INTO admin_audit VALUES (?, 't', 1, ?, 's-admin', '{}')").run(id, action);
    for (const action of ACTIONS) expect(() => audited(`before-${action}`, action)).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(migrate(db, [...BEFORE, backupSettingsAudit]).applied).toEqual([13]);
    for (const action of ACTIONS) expect(() => audited(`after-${action}`, action)).not.toThrow();
    expect(() => db.exec("DELETE FROM admin_audit WHERE id = 'after-backup-retention-set'")).toThrow(/append-only/);
  });
});
