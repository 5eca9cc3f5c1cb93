// The first-run setup's steps once its admin exists, and "start afresh" (the demo put aside), are audited admin acts
// (electron/core/setup/): two values added to the list 0011 made, with no row touched.
import type { Migration } from '../migration.js';

export const setupAudit: Migration = {
  version: 16,
  name: 'setup-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('setup-step'), ('start-afresh')");
  },
};
