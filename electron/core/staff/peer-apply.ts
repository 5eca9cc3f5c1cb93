// The staff folder's appliers of foreign peer records (docs/peers.md §5, §6 "Per kind"): another machine's absences
// and corrections, written as their origin recorded them and with no outbox row (each machine pushes only its own).
// Both are facts: an absence for a day covered twice is read by the greater id, and a record is withdrawn once ANY
// correction names it, so a second correction from another machine is stored beside the first (migration 0027).
// Certificate checks and handled staff alerts are facts too; the staff registers (accounts, PINs, locks, staff cards,
// paper days) are settled by their rules in register-apply.ts, and all are joined in staffAppliers below.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { StaffAlertHandledBodySchema } from '../../../shared/peers/peer-record.js';
import {
  AbsenceRecordSchema,
  CertificateCheckRecordSchema,
  CorrectionRecordSchema,
  type AbsenceRecord,
  type CertificateCheckRecord,
  type CorrectionRecord,
} from '../../../shared/sync/protocol.js';
import type { PeerApplier, PeerAppliers, PeerApplyResult } from '../ledger/peer-applier.js';
import { applyPaperDay, applyStaffAccount, applyStaffCard, applyStaffLock, applyStaffPin } from './register-apply.js';

interface StaffStatements {
  child: Statement<[string]>;
  staff: Statement<[string]>;
  absence: Statement<[string], AbsenceRow>;
  correction: Statement<[string], CorrectionRow>;
  eventChild: Statement<[string], { child_id: string }>;
  absenceChild: Statement<[string], { child_id: string }>;
  insertAbsence: Statement<AbsenceRow>;
  insertCorrection: Statement<CorrectionRow>;
  certificateCheck: Statement<[string], { return_child: string; outcome: string }>;
  insertReturn: Statement<[string, string, string, number, number]>;
  returnOf: Statement<[string, string], { id: string }>;
  insertCertificateCheck: Statement<[string, string, string, string, string, number]>;
  alert: Statement<[string]>;
  handleAlert: Statement<[string, string, string, number]>;
}

/** A row of absences, as the apply writes it and the backfill reads it. */
export interface AbsenceRow {
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

/** A row of corrections, as the apply writes it and the backfill reads it. */
export interface CorrectionRow {
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
      certificateCheck: db.prepare(
        'SELECT r.child_id AS return_child, k.outcome FROM certificate_checks k JOIN return_checks r ON r.id = k.return_check_id WHERE k.id = ?',
      ),
      // The return as the record names it; one found here already (by its own scan) keeps its own id and figures.
      insertReturn: db.prepare('INSERT OR IGNORE INTO return_checks (id, child_id, local_date, absent_days, last_seen, found_ms) VALUES (?, ?, ?, ?, NULL, ?)'),
      returnOf: db.prepare('SELECT id FROM return_checks WHERE child_id = ? AND local_date = ?'),
      insertCertificateCheck: db.prepare('INSERT INTO certificate_checks (id, return_check_id, outcome, staff_id, recorded_at, recorded_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      alert: db.prepare('SELECT 1 FROM staff_alerts WHERE id = ?'),
      handleAlert: db.prepare('INSERT OR IGNORE INTO staff_alert_handled (alert_id, staff_id, handled_at, handled_ms) VALUES (?, ?, ?, ?)'),
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

/**
 * Another machine's answer about a child back after a long absence: a fact (the newest by id stands, as
 * return-checks.ts reads it). The return it answers is found, or made, here by child and day (return_checks is UNIQUE
 * on them): each machine finds its returns itself, under ids of its own.
 */
export const applyCertificateCheck: PeerApplier = (db, record) => {
  const check = bodyOf<CertificateCheckRecord>(CertificateCheckRecordSchema, record.body);
  if (check === null) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a certificate-check body' };
  const s = statementsOf(db);
  const held = s.certificateCheck.get(check.id);
  if (held !== undefined) return held.return_child === check.childId && held.outcome === check.outcome ? { outcome: 'applied' } : { outcome: 'refused', code: 'PEER_FORK', why: `${check.id} is held with other content` };
  if (s.child.get(check.childId) === undefined) return { outcome: 'waiting', waitsFor: `child:${check.childId}` };
  if (s.staff.get(check.staffId) === undefined) return { outcome: 'waiting', waitsFor: `staff:${check.staffId}` };
  s.insertReturn.run(uuidv7(), check.childId, check.localDate, check.absentDays, check.occurredMs);
  const ret = s.returnOf.get(check.childId, check.localDate);
  if (ret === undefined) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: `no return of ${check.childId} on ${check.localDate}` };
  s.insertCertificateCheck.run(check.id, ret.id, check.outcome, check.staffId, check.occurredAt, check.occurredMs);
  return { outcome: 'applied', children: [check.childId] };
};

/**
 * A kept staff alert handled at another machine is handled here too (one-way; the first handling stands). Alerts are
 * raised by each machine for its own door and never travel, so one not held here is nothing to do, not a wait.
 */
export const applyStaffAlertHandled: PeerApplier = (db, record) => {
  const parsed = record.body === null ? null : StaffAlertHandledBodySchema.safeParse(JSON.parse(record.body));
  if (parsed === null || !parsed.success) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a staff-alert-handled body' };
  const { alertId, staffId } = parsed.data;
  const s = statementsOf(db);
  if (s.alert.get(alertId) === undefined) return { outcome: 'applied' };
  if (s.staff.get(staffId) === undefined) return { outcome: 'waiting', waitsFor: `staff:${staffId}` };
  const ms = Number(record.hlc.slice(0, 13));
  s.handleAlert.run(alertId, staffId, new Date(ms).toISOString(), ms);
  return { outcome: 'applied' };
};

/** The staff folder's part of the map the top hands peers/record-import.ts. */
export const staffAppliers: PeerAppliers = {
  absence: applyAbsence,
  correction: applyCorrection,
  'certificate-check': applyCertificateCheck,
  'staff-alert-handled': applyStaffAlertHandled,
  'staff-account': applyStaffAccount,
  'staff-pin': applyStaffPin,
  'staff-lock': applyStaffLock,
  'staff-card': applyStaffCard,
  'paper-day': applyPaperDay,
};
