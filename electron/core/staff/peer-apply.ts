// The staff folder's appliers of foreign peer records (docs/peers.md §5, §6 "Per kind"): another machine's absences
// and corrections, written as their origin recorded them and with no outbox row (each machine pushes only its own).
// Both are facts: an absence for a day covered twice is read by the greater id, and a record is withdrawn once ANY
// correction names it, so a second correction from another machine is stored beside the first (migration 0027).
import type { Database, Statement } from 'better-sqlite3';
import { AbsenceRecordSchema, CorrectionRecordSchema, type AbsenceRecord, type CorrectionRecord } from '../../../shared/sync/protocol.js';
import type { PeerApplier, PeerAppliers, PeerApplyResult } from '../ledger/peer-applier.js';

interface StaffStatements {
  child: Statement<[string]>;
  staff: Statement<[string]>;
  absence: Statement<[string], AbsenceRow>;
  correction: Statement<[string], CorrectionRow>;
  eventChild: Statement<[string], { child_id: string }>;
  absenceChild: Statement<[string], { child_id: string }>;
  insertAbsence: Statement<AbsenceRow>;
  insertCorrection: Statement<CorrectionRow>;
}

interface AbsenceRow {
  id: string;
  child_id: string;
  first_date: string;
  last_date: string;
  reason: string;
  certificate_number: string | null;
  certificate_date: string | null;
  note: string | null;
  staff_id: string;
  recorded_at: string;
  recorded_ms: number;
}

interface CorrectionRow {
  id: string;
  target_type: string;
  target_id: string;
  staff_id: string;
  reason: string;
  occurred_at: string;
  occurred_ms: number;
}

/** Prepared once per connection: a page applies up to a thousand records. */
const prepared = new WeakMap<Database, StaffStatements>();

function statementsOf(db: Database): StaffStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      child: db.prepare('SELECT 1 FROM children WHERE id = ?'),
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      absence: db.prepare('SELECT id, child_id, first_date, last_date, reason, certificate_number, certificate_date, note, staff_id, recorded_at, recorded_ms FROM absences WHERE id = ?'),
      correction: db.prepare('SELECT id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms FROM corrections WHERE id = ?'),
      eventChild: db.prepare('SELECT child_id FROM attendance_events WHERE id = ?'),
      absenceChild: db.prepare('SELECT child_id FROM absences WHERE id = ?'),
      insertAbsence: db.prepare(
        `INSERT INTO absences (id, child_id, first_date, last_date, reason, certificate_number, certificate_date, note, staff_id, recorded_at, recorded_ms)
         VALUES (@id, @child_id, @first_date, @last_date, @reason, @certificate_number, @certificate_date, @note, @staff_id, @recorded_at, @recorded_ms)`,
      ),
      insertCorrection: db.prepare(
        `INSERT INTO corrections (id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms)
         VALUES (@id, @target_type, @target_id, @staff_id, @reason, @occurred_at, @occurred_ms)`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

/** The body of a city kind, as record-verify already proved it; parsed here for its type. */
function bodyOf<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, body: string | null): T | null {
  if (body === null) return null;
  const parsed = schema.safeParse(JSON.parse(body));
  return parsed.success ? parsed.data : null;
}

/** Held under the same id: the same record again is nothing to do; another one is a fork of its origin's word. */
function heldAs<R>(held: R | undefined, row: R, id: string): PeerApplyResult | null {
  if (held === undefined) return null;
  return JSON.stringify(held) === JSON.stringify(row) ? { outcome: 'applied' } : { outcome: 'refused', code: 'PEER_FORK', why: `${id} is held with other content` };
}

export const applyAbsence: PeerApplier = (db, record) => {
  const absence = bodyOf<AbsenceRecord>(AbsenceRecordSchema, record.body);
  if (absence === null) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not an absence body' };
  const s = statementsOf(db);
  const row: AbsenceRow = {
    id: absence.id,
    child_id: absence.childId,
    first_date: absence.firstDate,
    last_date: absence.lastDate,
    reason: absence.reason,
    certificate_number: absence.certificateNumber,
    certificate_date: absence.certificateDate,
    note: absence.note,
    staff_id: absence.staffId,
    recorded_at: absence.recordedAt,
    recorded_ms: absence.recordedMs,
  };
  const held = heldAs(s.absence.get(row.id), row, row.id);
  if (held !== null) return held;
  // The foreign keys would refuse it: a child the roster here has not pulled yet, a staff account not yet here.
  if (s.child.get(row.child_id) === undefined) return { outcome: 'waiting', waitsFor: `child:${row.child_id}` };
  if (s.staff.get(row.staff_id) === undefined) return { outcome: 'waiting', waitsFor: `staff:${row.staff_id}` };
  s.insertAbsence.run(row);
  return { outcome: 'applied', children: [row.child_id] };
};

export const applyCorrection: PeerApplier = (db, record) => {
  const correction = bodyOf<CorrectionRecord>(CorrectionRecordSchema, record.body);
  if (correction === null) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a correction body' };
  const s = statementsOf(db);
  const row: CorrectionRow = {
    id: correction.id,
    target_type: correction.targetType,
    target_id: correction.targetId,
    staff_id: correction.staffId,
    reason: correction.reason,
    occurred_at: correction.occurredAt,
    occurred_ms: correction.occurredMs,
  };
  const held = heldAs(s.correction.get(row.id), row, row.id);
  if (held !== null) return held;
  // Its target may be behind (another origin's page not taken yet, or itself waiting for its child).
  const target = (row.target_type === 'attendance' ? s.eventChild : s.absenceChild).get(row.target_id);
  if (target === undefined) return { outcome: 'waiting', waitsFor: `${row.target_type}:${row.target_id}` };
  if (s.staff.get(row.staff_id) === undefined) return { outcome: 'waiting', waitsFor: `staff:${row.staff_id}` };
  s.insertCorrection.run(row);
  return { outcome: 'applied', children: [target.child_id] };
};

/** The staff folder's part of the map the top hands peers/record-import.ts. */
export const staffAppliers: PeerAppliers = { absence: applyAbsence, correction: applyCorrection };
