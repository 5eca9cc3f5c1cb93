// The admin changing the backup settings (the retention, the second place and its passphrase) is an audited act
// (electron/core/backup/backup-desk.ts): three values added to the list 0011 made, with no row touched.
import type { Migration } from '../migration.js';

export const backupSettingsAudit: Migration = {
  version: 13,
  name: 'backup-settings-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('backup-retention-set'), ('backup-second-place-set'), ('backup-second-place-cleared')");
  },
};
