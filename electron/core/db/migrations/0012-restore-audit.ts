// An admin restoring the records from a verified copy is an audited act (electron/core/backup/restore/): one value added
// to the list 0011 made, with no row touched.
import type { Migration } from '../migration.js';

export const restoreAudit: Migration = {
  version: 12,
  name: 'restore-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('backup-restored')");
  },
};
