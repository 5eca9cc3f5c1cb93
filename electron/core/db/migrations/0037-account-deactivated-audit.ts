// An account made only on a computer that then joined the kindergarten's others, deactivated there by an admin
// (docs/peers.md §9 "Joining with history"), is on record in the staff audit: one value added to the list 0011 made,
// with no row touched, as 0021 added certificate-check.
import type { Migration } from '../migration.js';

export const accountDeactivatedAudit: Migration = {
  version: 37,
  name: 'account-deactivated-audit',
  up(db) {
    db.exec("INSERT INTO staff_audit_actions (name) VALUES ('account-deactivated')");
  },
};
