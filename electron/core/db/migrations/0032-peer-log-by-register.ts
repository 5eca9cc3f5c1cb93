// A register's records found by its entity's id, not by reading every record of its kind (ledger/peer-registers.ts,
// docs/peers.md §6): the demo's roster alone is some 2,000 roster-change and card records, and each one taken in from
// another machine decides its register. An index on the kind and the id a register is keyed by (the key itself is a
// text the rules make, so the id is what SQL can name): a card's credential id, a staff card's id, a setting's key, a
// transfer's date, a paper day's group, a member's device, a staff member's id, and for a roster change the group,
// child or companion it is about (a link: its companion). Partial as 0030's, so the taps never enter it; a body that
// is not JSON indexes as NULL instead of failing the insert. A reader repeats the expression word for word
// (PEER_REGISTER_SQL.ofRegister), and the key still decides, so a link's other child is filtered out after.
import type { Migration } from '../migration.js';

export const peerLogByRegister: Migration = {
  version: 32,
  name: 'peer-log-by-register',
  up(db) {
    db.exec(`CREATE INDEX peer_log_by_register ON peer_log(kind, (CASE WHEN json_valid(body) THEN CASE kind
        WHEN 'roster-change' THEN coalesce(json_extract(body, '$.change.group.id'), json_extract(body, '$.change.child.id'),
          json_extract(body, '$.change.companion.id'), json_extract(body, '$.change.link.companionId'),
          json_extract(body, '$.change.companionId'), json_extract(body, '$.change.childId'), json_extract(body, '$.change.groupId'))
        WHEN 'credential-change' THEN json_extract(body, '$.credentialId')
        WHEN 'staff-card' THEN json_extract(body, '$.cardId')
        WHEN 'setting' THEN json_extract(body, '$.key')
        WHEN 'transfer' THEN json_extract(body, '$.date')
        WHEN 'paper-day' THEN json_extract(body, '$.groupId')
        WHEN 'member' THEN json_extract(body, '$.deviceId')
        WHEN 'member-revoked' THEN json_extract(body, '$.deviceId')
        ELSE json_extract(body, '$.staffId') END END)) WHERE kind <> 'attendance'`);
  },
};
