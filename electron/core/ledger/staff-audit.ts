// The staff audit trail: one append-only row per staff action (shared/staff/staff-domain.ts STAFF_ACTIONS), with
// who, when, what it made and why. Written in the same transaction as the act it describes.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffAction } from '../../../shared/staff/staff-domain.js';

/** JSON-serialisable context: the reason, the counts, the card read. Never a PIN. */
export type AuditDetail = Readonly<Record<string, string | number | boolean | null>>;

export interface AuditRow {
  id: string;
  occurred_at: string;
  occurred_ms: number;
  action: StaffAction;
  staff_id: string | null;
  subject_id: string | null;
  detail: string;
}

export class StaffAudit {
  private readonly insertRow: Statement<AuditRow>;

  constructor(private readonly db: Database) {
    this.insertRow = db.prepare(
      `INSERT INTO staff_audit (id, occurred_at, occurred_ms, action, staff_id, subject_id, detail)
       VALUES (@id, @occurred_at, @occurred_ms, @action, @staff_id, @subject_id, @detail)`,
    );
  }

  record(action: StaffAction, staffId: string | null, at: LocalTime, detail: AuditDetail = {}, subjectId: string | null = null): string {
    const row = this.entry(action, staffId, at, detail, subjectId);
    this.insert(row);
    return row.id;
  }

  /** A row made now (its id orders it) to be inserted now or later: sign-in's rows wait in memory on a full disk. */
  entry(action: StaffAction, staffId: string | null, at: LocalTime, detail: AuditDetail = {}, subjectId: string | null = null): AuditRow {
    return { id: uuidv7(), occurred_at: at.iso, occurred_ms: at.ms, action, staff_id: staffId, subject_id: subjectId, detail: JSON.stringify(detail) };
  }

  insert(row: AuditRow): void {
    this.insertRow.run(row);
  }

  /** The trail from `sinceMs` on, oldest first: for admins and tests. */
  since(sinceMs = 0): AuditRow[] {
    return this.db.prepare<[number], AuditRow>('SELECT * FROM staff_audit WHERE occurred_ms >= ? ORDER BY occurred_ms, id').all(sinceMs);
  }
}
