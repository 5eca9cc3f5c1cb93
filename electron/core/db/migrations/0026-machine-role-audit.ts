// Making this computer the door or the office from the console (electron/core/setup/setup-desk.ts, docs/peers.md §2) is
// an audited act: one value added to the list 0011 made, with no row touched.
import type { Migration } from '../migration.js';

export const machineRoleAudit: Migration = {
  version: 26,
  name: 'machine-role-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('machine-role-set')");
  },
};
