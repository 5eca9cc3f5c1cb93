// Another machine's audit rows (docs/peers.md §6 "audit"): its admins' acts on the kindergarten's records, kept in this
// machine's trail under the same id as there, so the console's log shows who did what on every machine. Facts: the
// same row again is nothing, another under its id a fork. An action this version does not list (a newer machine's),
// or a staff member not here yet, waits.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { AuditBodySchema } from '../../../shared/peers/peer-record.js';
import type { PeerApplier } from './peer-applier.js';

const AdminRowSchema = z.object({
  id: z.string().min(1).max(64),
  occurred_at: z.string().min(1).max(40),
  occurred_ms: z.number().int().nonnegative(),
  action: z.string().min(1).max(64),
  staff_id: z.string().min(1).max(64),
  detail: z.string().max(64 * 1024),
});
const StaffRowSchema = AdminRowSchema.extend({ staff_id: z.string().min(1).max(64).nullable(), subject_id: z.string().max(64).nullable() });
type AdminRow = z.infer<typeof AdminRowSchema>;
type StaffRow = z.infer<typeof StaffRowSchema>;

interface AuditStatements {
  staff: Statement<[string]>;
  adminAction: Statement<[string]>;
  staffAction: Statement<[string]>;
  adminRow: Statement<[string], AdminRow>;
  staffRow: Statement<[string], StaffRow>;
  insertAdmin: Statement<AdminRow>;
  insertStaff: Statement<StaffRow>;
}

const prepared = new WeakMap<Database, AuditStatements>();

function statementsOf(db: Database): AuditStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      adminAction: db.prepare('SELECT 1 FROM admin_audit_actions WHERE name = ?'),
      staffAction: db.prepare('SELECT 1 FROM staff_audit_actions WHERE name = ?'),
      adminRow: db.prepare('SELECT id, occurred_at, occurred_ms, action, staff_id, detail FROM admin_audit WHERE id = ?'),
      staffRow: db.prepare('SELECT id, occurred_at, occurred_ms, action, staff_id, subject_id, detail FROM staff_audit WHERE id = ?'),
      insertAdmin: db.prepare('INSERT INTO admin_audit (id, occurred_at, occurred_ms, action, staff_id, detail) VALUES (@id, @occurred_at, @occurred_ms, @action, @staff_id, @detail)'),
      insertStaff: db.prepare(
        `INSERT INTO staff_audit (id, occurred_at, occurred_ms, action, staff_id, subject_id, detail)
         VALUES (@id, @occurred_at, @occurred_ms, @action, @staff_id, @subject_id, @detail)`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

/** The same text for the same row, whatever order its writer put the keys in. */
function sameRow(a: object, b: object): boolean {
  const text = (o: object) => JSON.stringify(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));
  return text(a) === text(b);
}

export const applyAudit: PeerApplier = (db, record) => {
  const body = record.body === null ? null : AuditBodySchema.safeParse(JSON.parse(record.body));
  if (body === null || !body.success) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not an audit body' };
  const s = statementsOf(db);
  const { table } = body.data;
  const parsed = table === 'admin' ? AdminRowSchema.safeParse(body.data.row) : StaffRowSchema.safeParse(body.data.row);
  if (!parsed.success || parsed.data.id !== record.id) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: `not a ${table} audit row under the record's id` };
  const row = parsed.data;
  const held = table === 'admin' ? s.adminRow.get(row.id) : s.staffRow.get(row.id);
  if (held !== undefined) return sameRow(held, row) ? { outcome: 'applied' } : { outcome: 'refused', code: 'PEER_FORK', why: `audit row ${row.id} is held with other content` };
  if ((table === 'admin' ? s.adminAction : s.staffAction).get(row.action) === undefined) return { outcome: 'waiting', waitsFor: `audit-action:${table}:${row.action}` };
  if (row.staff_id !== null && s.staff.get(row.staff_id) === undefined) return { outcome: 'waiting', waitsFor: `staff:${row.staff_id}` };
  if (table === 'admin') s.insertAdmin.run(AdminRowSchema.parse(row));
  else s.insertStaff.run(StaffRowSchema.parse(row));
  return { outcome: 'applied' };
};
