// The admin changing the kindergarten's time zone (electron/core/admin/time-zone-setting.ts) is an audited act: one
// value added to the list 0011 made, with no row touched.
import type { Migration } from '../migration.js';

export const timeZoneAudit: Migration = {
  version: 15,
  name: 'time-zone-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('time-zone-set')");
  },
};
