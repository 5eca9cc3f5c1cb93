import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { migrations } from './index.js';
import { staffAlerts } from './0025-staff-alerts.js';

const BEFORE = migrations.filter((m) => m.version < staffAlerts.version);

describe('migration 0025 staff alerts', () => {
  it('keeps alerts, their sightings and who handled them append-only, one handling per alert, and lets it be audited', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, BEFORE);
    db.exec(`INSERT INTO staff (id, first_name, last_name, role) VALUES ('s1', 'Айгерім', 'Омарова', 'staff')`);
    const audited = () => db.prepare("INSERT INTO staff_audit VALUES ('a1', 't', 1, 'staff-alert-handled', 's1', 'al1', '{}')").run();
    expect(audited).toThrow(/staff_audit.action is not in staff_audit_actions/);
    expect(migrate(db, [...BEFORE, staffAlerts]).applied).toEqual([staffAlerts.version]);
    expect(audited).not.toThrow();

    db.exec("INSERT INTO staff_alerts VALUES ('al1', 'pickup-not-allowed', 'k', '2026-12-04', 1)");
    expect(() => db.exec("INSERT INTO staff_alerts VALUES ('al2', 'coffee', 'k', '2026-12-04', 1)")).toThrow(/CHECK/);
    db.exec(`INSERT INTO staff_alert_sightings (alert_id, at, at_ms, body) VALUES ('al1', '18:05', 1, '{"a":1}')`);
    expect(() => db.exec(`INSERT INTO staff_alert_sightings (alert_id, at, at_ms, body) VALUES ('al1', '18:05', 1, 'not json')`)).toThrow(/CHECK/);
    db.exec("INSERT INTO staff_alert_handled VALUES ('al1', 's1', 't', 2)");
    expect(() => db.exec("INSERT INTO staff_alert_handled VALUES ('al1', 's1', 't', 3)")).toThrow(/UNIQUE/);
    expect(() => db.exec("UPDATE staff_alerts SET kind = 'clock-drift'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM staff_alert_sightings')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM staff_alert_handled')).toThrow(/append-only/);
  });
});
