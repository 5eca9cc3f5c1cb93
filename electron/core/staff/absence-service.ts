// Absences: a child kept home for a day or a range, with the табель's reason (and for sickness the certificate, when
// there is one). Holidays count against their season's allowance
// (shared/staff/holiday-seasons.ts); the unexcused days are the табель's to count (shared/admin/tabel.ts).
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { daysBetween, type AbsenceSpan } from '../../../shared/staff/absence-days.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { AbsenceReason } from '../../../shared/staff/staff-domain.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import type { ChildDirectory } from './child-directory.js';
import type { StaffAudit } from '../ledger/staff-audit.js';

export interface AbsenceRequest {
  childId: string;
  firstDate: string;
  lastDate: string;
  reason: AbsenceReason;
  certificateNumber?: string | undefined;
  certificateDate?: string | undefined;
  note?: string | undefined;
}

export interface StoredAbsence extends AbsenceSpan {
  id: string;
  childId: string;
}

/** A range longer than a year is a typo, not an absence. */
const LONGEST_RANGE_DAYS = 366;

const NOT_WITHDRAWN = `NOT EXISTS (SELECT 1 FROM corrections c WHERE c.target_type = 'absence' AND c.target_id = a.id)`;

interface AbsenceRow {
  id: string;
  child_id: string;
  first_date: string;
  last_date: string;
  reason: AbsenceReason;
}

const absenceOf = (r: AbsenceRow): StoredAbsence => ({ id: r.id, childId: r.child_id, firstDate: r.first_date, lastDate: r.last_date, reason: r.reason });

export class AbsenceService {
  private readonly outbox: OutboxWriter;

  constructor(private readonly deps: { db: Database; directory: ChildDirectory; audit: StaffAudit; deviceId: string }) {
    this.outbox = new OutboxWriter(deps.db);
  }

  mark(actor: StaffMember, request: AbsenceRequest, at: LocalTime): Result<{ absenceId: string }> {
    const { db, directory, audit } = this.deps;
    if (!directory.child(request.childId)) return fail('INVALID_REQUEST', `no child ${request.childId}`);
    if (request.lastDate < request.firstDate) return fail('INVALID_REQUEST', 'the last day is before the first');
    const days = daysBetween(request.firstDate, request.lastDate).length;
    if (days > LONGEST_RANGE_DAYS) return fail('INVALID_REQUEST', `an absence of ${days} days`);
    if (request.reason === 'other' && !request.note) return fail('INVALID_REQUEST', 'the reason "other" needs a note');
    const absenceId = uuidv7();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO absences (id, child_id, first_date, last_date, reason, certificate_number, certificate_date, note, staff_id, recorded_at, recorded_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        absenceId,
        request.childId,
        request.firstDate,
        request.lastDate,
        request.reason,
        request.certificateNumber ?? null,
        request.certificateDate ?? null,
        request.note ?? null,
        actor.id,
        at.iso,
        at.ms,
      );
      this.outbox.enqueue(
        {
          type: 'absence',
          id: absenceId,
          deviceId: this.deps.deviceId,
          childId: request.childId,
          firstDate: request.firstDate,
          lastDate: request.lastDate,
          reason: request.reason,
          certificateNumber: request.certificateNumber ?? null,
          certificateDate: request.certificateDate ?? null,
          note: request.note ?? null,
          staffId: actor.id,
          recordedAt: at.iso,
          recordedMs: at.ms,
        },
        at.ms,
      );
      audit.record(
        'absence',
        actor.id,
        at,
        { childId: request.childId, reason: request.reason, firstDate: request.firstDate, lastDate: request.lastDate, days, certificate: request.certificateNumber !== undefined },
        absenceId,
      );
    }).immediate();
    return ok({ absenceId });
  }

  /** The child's absences that no correction withdrew. */
  ofChild(childId: string): StoredAbsence[] {
    return this.deps.db
      .prepare<[string], AbsenceRow>(`SELECT a.id, a.child_id, a.first_date, a.last_date, a.reason FROM absences a WHERE a.child_id = ? AND ${NOT_WITHDRAWN} ORDER BY a.first_date`)
      .all(childId)
      .map(absenceOf);
  }
}
