// The admin's update settings and acts are audited (electron/core/updates/update-desk.ts): the feed's address, the
// quiet hours, an update taken from a folder, and "install now" — four values added to the list 0011 made.
import type { Migration } from '../migration.js';

export const updateAudit: Migration = {
  version: 18,
  name: 'update-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('update-feed-set'), ('update-quiet-hours-set'), ('update-from-folder'), ('update-install-ordered')");
  },
};
