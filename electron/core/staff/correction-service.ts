// Corrections: nothing recorded is edited. A correction is a new row pointing at the attendance event or absence it
// withdraws, with who and why; today's presence then ignores the withdrawn record (presence-store.ts and the door's
// AttendanceLog.lastEventOn). Admins may correct any record; staff only what they recorded themselves today.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { CorrectionTargetType } from '../../../shared/staff/staff-domain.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import type { StaffAudit } from '../ledger/staff-audit.js';

export interface CorrectionTarget {
  type: CorrectionTargetType;
  id: string;
}

interface TargetRow {
  child_id: string;
  staff_id: string | null;
  local_date: string;
}

/**
 * Who may withdraw a record: an admin any; other staff only what they recorded themselves today (a card's or a code's
 * record has no staff member, so only an admin withdraws it). The staff screens offer the button by the same rule.
 */
export function mayWithdraw(actor: Pick<StaffMember, 'id' | 'role'>, recordedBy: string | null, recordDate: string, today: string): boolean {
  return actor.role === 'admin' || (recordedBy === actor.id && recordDate === today);
}

export class CorrectionService {
  private readonly outbox: OutboxWriter;

  constructor(private readonly deps: { db: Database; audit: StaffAudit; deviceId: string }) {
    this.outbox = new OutboxWriter(deps.db);
  }

  correct(actor: StaffMember, target: CorrectionTarget, reason: string, at: LocalTime): Result<{ correctionId: string }> {
    const { db, audit } = this.deps;
    const row = this.target(target);
    if (!row) return fail('INVALID_REQUEST', `no ${target.type} record ${target.id}`);
    if (!mayWithdraw(actor, row.staff_id, row.local_date, at.localDate)) {
      return fail('STAFF_FORBIDDEN', 'staff may withdraw only what they recorded themselves today; ask an admin');
    }
    const correctionId = uuidv7();
    const withdrawn = db.transaction((): boolean => {
      // A second withdrawal here is refused (the UNIQUE that said so went in 0027, since two machines apart may each
      // withdraw the same record): checked inside the write's own transaction, so no other connection slips between.
      if (db.prepare('SELECT 1 FROM corrections WHERE target_type = ? AND target_id = ?').get(target.type, target.id)) return true;
      db.prepare(
        'INSERT INTO corrections (id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(correctionId, target.type, target.id, actor.id, reason, at.iso, at.ms);
      this.outbox.enqueue(
        {
          type: 'correction',
          id: correctionId,
          deviceId: this.deps.deviceId,
          targetType: target.type,
          targetId: target.id,
          staffId: actor.id,
          reason,
          occurredAt: at.iso,
          occurredMs: at.ms,
        },
        at.ms,
      );
      audit.record('correction', actor.id, at, { targetType: target.type, targetId: target.id, childId: row.child_id, reason }, correctionId);
      return false;
    }).immediate();
    if (withdrawn) return fail('INVALID_REQUEST', `${target.type} record ${target.id} is already withdrawn`);
    return ok({ correctionId });
  }

  /** Who made the record and on which day (an absence counts on the day it was recorded). */
  private target(target: CorrectionTarget): TargetRow | undefined {
    return target.type === 'attendance'
      ? this.deps.db.prepare<[string], TargetRow>('SELECT child_id, staff_id, local_date FROM attendance_events WHERE id = ?').get(target.id)
      : this.deps.db
          .prepare<[string], { child_id: string; staff_id: string; recorded_at: string }>('SELECT child_id, staff_id, recorded_at FROM absences WHERE id = ?')
          .all(target.id)
          .map((a) => ({ child_id: a.child_id, staff_id: a.staff_id, local_date: a.recorded_at.slice(0, 10) }))[0];
  }
}
