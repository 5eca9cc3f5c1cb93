// A child back after a long absence (issue 16 §2). The door records the arrival like any other; a clock-driven job
// (StaffDesk.tick) then looks at each child who arrived today, once a day, and reads how long they were away off the
// табель (shared/staff/return-run.ts over TabelService: the same marks, holidays and transfers every count uses). At
// `returnCheckAfterDays` school days or more the return is kept for staff to ask about the doctor's certificate; their
// answer is attributed, audited and queued for the city as a 'certificate-check' record.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { addDays } from '../../../shared/admin/work-calendar.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { CertificateOutcome, ReturnCheck } from '../../../shared/staff/return-check-contract.js';
import { absenceRunBefore, type AbsenceRun } from '../../../shared/staff/return-run.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { TabelSheet } from '../../../shared/admin/tabel.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import type { StaffAudit } from '../ledger/staff-audit.js';

/** Months read back at most: the longest setting (60 school days) fits in four. */
const MONTHS_BACK = 4;

/** A group's табель for a month (admin/tabel-service.ts, handed in: the табель stands above the staff floor). */
export interface TabelSheets {
  sheet(groupId: string, month: string, asOf: string, language: Language): TabelSheet | null;
}

export interface ReturnCheckDeps {
  db: Database;
  tabels: TabelSheets;
  /** School days away that make a return ask for a certificate (setting returnCheckAfterDays). */
  afterDays: () => number;
  audit: StaffAudit;
  deviceId: string;
}

interface CheckRow {
  id: string;
  childId: string;
  firstName: string;
  lastName: string;
  groupName: string;
  localDate: string;
  absentDays: number;
  lastSeen: string | null;
  outcome: CertificateOutcome | null;
  markedBy: string | null;
  markedAt: string | null;
}

/** Each return with the newest certificate mark (ids are uuid v7: the greatest is the newest). */
const CHECKS = `SELECT r.id, r.child_id AS childId, c.first_name AS firstName, c.last_name AS lastName, g.name AS groupName,
                       r.local_date AS localDate, r.absent_days AS absentDays, r.last_seen AS lastSeen,
                       m.outcome, CASE WHEN s.id IS NULL THEN NULL ELSE s.first_name || ' ' || s.last_name END AS markedBy,
                       m.recorded_at AS markedAt
                  FROM return_checks r JOIN children c ON c.id = r.child_id JOIN groups g ON g.id = c.group_id
                  LEFT JOIN certificate_checks m ON m.id = (SELECT max(k.id) FROM certificate_checks k WHERE k.return_check_id = r.id)
                  LEFT JOIN staff s ON s.id = m.staff_id`;

export class ReturnChecks {
  private readonly outbox: OutboxWriter;
  /** Children already looked at on a day (the arrival of the day is what matters, not each tap). */
  private looked: { date: string; children: Set<string> } = { date: '', children: new Set() };
  private readonly arrivals: Statement<[string], { childId: string; groupId: string }>;
  private readonly insert: Statement<[string, string, string, number, string | null, number]>;
  private readonly pendingStmt: Statement<[], CheckRow>;
  private readonly withoutStmt: Statement<[], CheckRow>;
  private readonly oneStmt: Statement<[string], CheckRow>;

  constructor(private readonly deps: ReturnCheckDeps) {
    const { db } = deps;
    this.outbox = new OutboxWriter(db);
    this.arrivals = db.prepare(`SELECT DISTINCT e.child_id AS childId, c.group_id AS groupId
                                  FROM attendance_events e JOIN children c ON c.id = e.child_id
                                 WHERE e.local_date = ? AND e.kind = 'arrival'
                                   AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.target_type = 'attendance' AND k.target_id = e.id)`);
    this.insert = db.prepare('INSERT OR IGNORE INTO return_checks (id, child_id, local_date, absent_days, last_seen, found_ms) VALUES (?, ?, ?, ?, ?, ?)');
    this.pendingStmt = db.prepare(`${CHECKS} WHERE m.id IS NULL ORDER BY r.local_date DESC, c.last_name, c.first_name`);
    this.withoutStmt = db.prepare(`${CHECKS} WHERE m.id IS NULL OR m.outcome = 'missing' ORDER BY r.local_date DESC, c.last_name, c.first_name`);
    this.oneStmt = db.prepare(`${CHECKS} WHERE r.id = ?`);
  }

  /** Looks at every child who arrived today and was not looked at yet; keeps the returns after a long absence. */
  scan(at: LocalTime): number {
    if (this.looked.date !== at.localDate) this.looked = { date: at.localDate, children: new Set() };
    let found = 0;
    for (const { childId, groupId } of this.arrivals.all(at.localDate)) {
      if (this.looked.children.has(childId)) continue;
      this.looked.children.add(childId);
      const run = this.awayBefore(childId, groupId, at.localDate);
      if (run.days < this.deps.afterDays()) continue;
      found += this.insert.run(uuidv7(), childId, at.localDate, run.days, run.lastSeen, at.ms).changes;
    }
    return found;
  }

  /** The school days a child was away (sick or unexplained) just before `today`, by the табель's marks. */
  awayBefore(childId: string, groupId: string, today: string): AbsenceRun {
    let run: AbsenceRun = { days: 0, lastSeen: null, open: true };
    let month = today.slice(0, 7);
    for (let i = 0; i < MONTHS_BACK && run.open; i++) {
      const sheet = this.deps.tabels.sheet(groupId, month, today, 'ru');
      const row = sheet?.rows.find((r) => r.childId === childId);
      if (!sheet || !row) return { ...run, open: false };
      const back = sheet.days.map((d, j) => ({ date: d.date, mark: row.marks[j] ?? 'no-records' })).filter((d) => d.date < today).reverse();
      run = absenceRunBefore(back, run.days);
      month = addDays(`${month}-01`, -1).slice(0, 7);
    }
    return run;
  }

  /** Returns nobody has asked about yet. */
  pending(): ReturnCheck[] {
    return this.pendingStmt.all();
  }

  /** Returns with the certificate missing or never asked for (the admin's list). */
  withoutCertificate(): ReturnCheck[] {
    return this.withoutStmt.all();
  }

  mark(actor: StaffMember, checkId: string, outcome: CertificateOutcome, at: LocalTime): Result<{ check: ReturnCheck }> {
    const { db, audit, deviceId } = this.deps;
    const check = this.oneStmt.get(checkId);
    if (!check) return fail('INVALID_REQUEST', `no return check ${checkId}`);
    const id = uuidv7();
    db.transaction(() => {
      db.prepare('INSERT INTO certificate_checks (id, return_check_id, outcome, staff_id, recorded_at, recorded_ms) VALUES (?, ?, ?, ?, ?, ?)').run(id, checkId, outcome, actor.id, at.iso, at.ms);
      this.outbox.enqueue(
        {
          type: 'certificate-check',
          id,
          deviceId,
          localDate: check.localDate,
          childId: check.childId,
          absentDays: check.absentDays,
          outcome,
          staffId: actor.id,
          occurredAt: at.iso,
          occurredMs: at.ms,
        },
        at.ms,
      );
      audit.record('certificate-check', actor.id, at, { childId: check.childId, returnDate: check.localDate, absentDays: check.absentDays, outcome }, id);
    }).immediate();
    const marked = this.oneStmt.get(checkId);
    return marked ? ok({ check: marked }) : fail('INTERNAL');
  }
}
