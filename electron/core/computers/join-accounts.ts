// The accounts a computer brought when it joined the kindergarten's others (docs/peers.md §9 "Joining with history"):
// an account is this computer's own when every record of its staff-account register is this computer's and was
// written before it joined (at a seq up to the broughtSeq its sponsor wrote into its member record). The group's are
// every other active account; one of the own is ticked for deactivation when the group has its name.
import type { Database } from 'better-sqlite3';
import { sameNameAsAny, type JoinAccount, type JoinAccounts } from '../../../shared/peers/join-accounts.js';
import type { StaffRole } from '../../../shared/staff/staff-domain.js';
import { registerRecords } from '../ledger/peer-registers.js';

interface StaffRow {
  id: string;
  first_name: string;
  last_name: string;
  role: StaffRole;
  origin: 'city' | 'local';
}

/** The own accounts still active, admins first, and how many of the group's are held (0: none has come yet). */
export function joinAccounts(db: Database): JoinAccounts & { groupAdmins: number } {
  const self = db.prepare<[], string>('SELECT id FROM device').pluck().get() ?? null;
  const rows = db.prepare<[], StaffRow>("SELECT id, first_name, last_name, role, origin FROM staff WHERE active = 1 ORDER BY role = 'admin' DESC, first_name, last_name, id").all();
  const own: StaffRow[] = [];
  const group: StaffRow[] = [];
  for (const row of rows) (self !== null && madeOnlyHere(db, self, row) ? own : group).push(row);
  const accounts: JoinAccount[] = own.map((row) => ({
    staffId: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    sameNameInGroup: sameNameAsAny({ firstName: row.first_name, lastName: row.last_name }, group.map((g) => ({ firstName: g.first_name, lastName: g.last_name }))),
  }));
  return { accounts, groupAccounts: group.length, groupAdmins: group.filter((g) => g.role === 'admin').length };
}

/** Every staff-account record of the account is this computer's, from before it joined (none at all: not known as own). */
function madeOnlyHere(db: Database, self: string, row: StaffRow): boolean {
  const body = { staffId: row.id, firstName: row.first_name, lastName: row.last_name, role: row.role, active: true, origin: row.origin };
  const records = registerRecords(db, { kind: 'staff-account', body });
  return records.length > 0 && records.every((r) => r.deviceId === self && r.preJoin);
}

/**
 * Why these ids may not be deactivated now, or null: each must be an account this computer brought, and an admin of
 * the group must be held here already (before the group's records come, nobody could then sign in here as an admin).
 */
export function deactivationRefusal(list: { accounts: readonly JoinAccount[]; groupAdmins: number }, staffIds: readonly string[]): string | null {
  const own = new Set(list.accounts.map((a) => a.staffId));
  const stranger = staffIds.find((id) => !own.has(id));
  if (stranger !== undefined) return `${stranger} is not an account this computer brought to the group`;
  if (list.groupAdmins === 0) return "no admin of the group is held here yet: the group's accounts have not come";
  return null;
}
