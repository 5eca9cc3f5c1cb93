// An office enrolling a door with the city to carry its records (relayEnroll, docs/peers.md §5 "Exactly once to the
// city") is an audited act: one value added to the list 0011 made, with no row touched, as 0026 added machine-role-set.
import type { Migration } from '../migration.js';

export const relayEnrollAudit: Migration = {
  version: 35,
  name: 'relay-enroll-audit',
  up(db) {
    db.exec("INSERT INTO admin_audit_actions (name) VALUES ('relay-enrolled')");
  },
};
