import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { restoreAudit } from './0012-restore-audit.js';

const BEFORE = migrations.filter((m) => m.version < restoreAudit.version);

describe('migration 0012 restore audit', () => {
  it('lets the admin audit keep a restore, which the list before it refused', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec("INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
    const restored = (id: string) => db.prepare("INSERT INTO admin_audit VALUES (?, 't', 1, 'backup-restored', 's-admin', '{}')").run(id);
    expect(() => restored('a1')).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(migrate(db, [...BEFORE, restoreAudit]).applied).toEqual([12]);
    expect(() => restored('a2')).not.toThrow();
    expect(() => db.exec("DELETE FROM admin_audit WHERE id = 'a2'")).toThrow(/append-only/);
  });
});
