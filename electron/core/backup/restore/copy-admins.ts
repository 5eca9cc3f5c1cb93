// Who may restore a copy: an admin of that copy, recognised by their PIN against the copy's own staff accounts (the
// records file being replaced may be damaged, or may not know an admin the copy knows). The PIN hashes are keyed with
// the install's pepper from the SecretStore, which a copy never holds: a copy taken to another machine proves nothing.
import BetterSqlite3 from 'better-sqlite3';
import type { StaffMember } from '../../../../shared/staff/staff-contract.js';
import { pinMatches } from '../../staff/pin-hash.js';

interface AdminPinRow {
  id: string;
  first_name: string;
  last_name: string;
  hash: Buffer;
  salt: Buffer;
  params: string;
}

/** The active admin of the copy at `path` whose PIN this is, or null. Reads the copy read-only. */
export async function adminOfCopy(path: string, pin: string, pepper: Buffer, nativeBinding: string | null): Promise<StaffMember | null> {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  let admins: AdminPinRow[];
  try {
    admins = db
      .prepare<[], AdminPinRow>(
        `SELECT s.id, s.first_name, s.last_name, p.hash, p.salt, p.params FROM staff s JOIN staff_pins p ON p.staff_id = s.id
          WHERE s.active = 1 AND s.role = 'admin' ORDER BY s.id`,
      )
      .all();
  } finally {
    db.close();
  }
  // A kindergarten has one or two admins: each PIN hash is one scrypt off the thread.
  for (const admin of admins) {
    if (await pinMatches(pin, pepper, { hash: admin.hash, salt: admin.salt, params: admin.params })) {
      return { id: admin.id, firstName: admin.first_name, lastName: admin.last_name, role: 'admin' };
    }
  }
  return null;
}
