import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { relayEnrollAudit } from './0035-relay-enroll-audit.js';

const BEFORE = migrations.filter((m) => m.version < relayEnrollAudit.version);

describe('migration 0035 relay-enroll audit', () => {
  it('lets the admin audit keep a door enrolled for the city from here, which the list before it refused', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec("INSERT INTO staff (id, first_name, last_name, role) VALUES ('s-admin', 'Жанна', 'Сейітова', 'admin')");
    const audited = (id: string) => db.prepare("INSERT INTO admin_audit VALUES (?, 't', 1, 'relay-enrolled', 's-admin', '{\"doorId\":\"door-2\"}')").run(id);
    expect(() => audited('before')).toThrow(/admin_audit.action is not in admin_audit_actions/);
    expect(migrate(db, [...BEFORE, relayEnrollAudit]).applied).toEqual([relayEnrollAudit.version]);
    expect(() => audited('after')).not.toThrow();
    expect(() => db.exec("DELETE FROM admin_audit WHERE id = 'after'")).toThrow(/append-only/);
  });
});
