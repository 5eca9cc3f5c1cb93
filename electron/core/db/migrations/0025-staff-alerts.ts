// Staff alerts kept until handled (issue 17 §4): a companion refused at pick-up, the kiosk's clock off the city's.
// They were events on the door's screen that vanished on a reload; now each is a row, seen again after a restart.
// The same thing happening again the same day is one alert with more sightings (a count and the last time), not a
// stack. A staff member handling it is a row of its own, in their name (and a staff_audit row): the alert then
// leaves the list, and stays in the records. All three tables are append-only like every other record.
import type { Migration } from '../migration.js';

export const staffAlerts: Migration = {
  version: 25,
  name: 'staff-alerts',
  up(db) {
    db.exec(`
      CREATE TABLE staff_alerts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('pickup-not-allowed', 'clock-drift')),
        -- What makes two alerts the same (the kind, the day, the companion and the children): one open alert per key.
        dedup_key TEXT NOT NULL,
        local_date TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        raised_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX staff_alerts_by_key ON staff_alerts (dedup_key);
      CREATE TABLE staff_alert_sightings (
        id INTEGER PRIMARY KEY,
        alert_id TEXT NOT NULL REFERENCES staff_alerts(id),
        -- Local "HH:MM" and the instant; body: what the screen says (names, minutes), as JSON, the newest wins.
        at TEXT NOT NULL CHECK (at GLOB '[0-2][0-9]:[0-5][0-9]'),
        at_ms INTEGER NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body))
      ) STRICT;
      CREATE INDEX staff_alert_sightings_by_alert ON staff_alert_sightings (alert_id, id);
      CREATE TABLE staff_alert_handled (
        alert_id TEXT PRIMARY KEY REFERENCES staff_alerts(id),
        staff_id TEXT NOT NULL REFERENCES staff(id),
        handled_at TEXT NOT NULL,
        handled_ms INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER staff_alerts_no_update BEFORE UPDATE ON staff_alerts BEGIN SELECT RAISE(ABORT, 'staff_alerts is append-only'); END;
      CREATE TRIGGER staff_alerts_no_delete BEFORE DELETE ON staff_alerts BEGIN SELECT RAISE(ABORT, 'staff_alerts is append-only'); END;
      CREATE TRIGGER staff_alert_sightings_no_update BEFORE UPDATE ON staff_alert_sightings BEGIN SELECT RAISE(ABORT, 'staff_alert_sightings is append-only'); END;
      CREATE TRIGGER staff_alert_sightings_no_delete BEFORE DELETE ON staff_alert_sightings BEGIN SELECT RAISE(ABORT, 'staff_alert_sightings is append-only'); END;
      CREATE TRIGGER staff_alert_handled_no_update BEFORE UPDATE ON staff_alert_handled BEGIN SELECT RAISE(ABORT, 'staff_alert_handled is append-only'); END;
      CREATE TRIGGER staff_alert_handled_no_delete BEFORE DELETE ON staff_alert_handled BEGIN SELECT RAISE(ABORT, 'staff_alert_handled is append-only'); END;
      INSERT INTO staff_audit_actions (name) VALUES ('staff-alert-handled');
    `);
  },
};
