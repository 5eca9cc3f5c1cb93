// An admin leaving the kiosk from the console (the app closes) is an audited act (electron/core/admin/kiosk-shell.ts):
// one value added to the list 0011 made, with no row touched.
import type { Migration } from '../migration.js';

export const kioskLeftAudit: Migration = {
  version: 20,
  name: 'kiosk-left-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('kiosk-left')");
  },
};
