// The табель of one group and month from the database: the group's children, the days each was there (any event no
// correction withdrew), their absences (not withdrawn), the Kazakh calendar with the admin's transfers, and the
// unexcused limit from the staff settings; shared/admin/tabel.ts decides every cell and total.
import type { Database, Statement } from 'better-sqlite3';
import { buildTabel, type TabelAbsence, type TabelChild, type TabelSheet } from '../../../shared/admin/tabel.js';
import { lastDateOf, monthCalendar } from '../../../shared/admin/work-calendar.js';
import type { Language } from '../../../shared/domain/attendance.js';
import type { AbsenceReason } from '../../../shared/staff/staff-domain.js';
import type { CalendarTransfers } from './calendar-transfers.js';
import { kzHolidaysInMonth } from './kz-holidays.js';

/** Exported for the migration test's EXPLAIN QUERY PLAN checks. */
export const TABEL_SQL = {
  children: `SELECT id, first_name AS firstName, last_name AS lastName FROM children
              WHERE group_id = ? AND active = 1 ORDER BY last_name, first_name, id`,
  // The group's children drive (CROSS JOIN keeps that order): each child's days come from the covering index.
  presentDays: `SELECT e.child_id AS childId, e.local_date AS localDate
                  FROM children c CROSS JOIN attendance_events e ON e.child_id = c.id
                 WHERE c.group_id = ? AND c.active = 1 AND e.local_date BETWEEN ? AND ?
                   AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.target_type = 'attendance' AND k.target_id = e.id)`,
  absences: `SELECT a.id, a.child_id AS childId, a.first_date AS firstDate, a.last_date AS lastDate, a.reason
               FROM children c CROSS JOIN absences a ON a.child_id = c.id
              WHERE c.group_id = ? AND c.active = 1 AND a.first_date <= ? AND a.last_date >= ?
                AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.target_type = 'absence' AND k.target_id = a.id)`,
} as const;

export interface TabelServiceDeps {
  db: Database;
  transfers: CalendarTransfers;
  unexcusedLimit: () => number;
  kindergartenName: () => string;
}

export class TabelService {
  private readonly group: Statement<[string], { name: string }>;
  private readonly children: Statement<[string], TabelChild>;
  private readonly presentDays: Statement<[string, string, string], { childId: string; localDate: string }>;
  private readonly absences: Statement<[string, string, string], TabelAbsence & { reason: AbsenceReason }>;

  constructor(private readonly deps: TabelServiceDeps) {
    const { db } = deps;
    this.group = db.prepare('SELECT name FROM groups WHERE id = ?');
    this.children = db.prepare(TABEL_SQL.children);
    this.presentDays = db.prepare(TABEL_SQL.presentDays);
    this.absences = db.prepare(TABEL_SQL.absences);
  }

  /** The group's табель for the month as of `asOf` (today), or null for an unknown group. */
  sheet(groupId: string, month: string, asOf: string, language: Language): TabelSheet | null {
    const group = this.group.get(groupId);
    if (!group) return null;
    const first = `${month}-01`;
    const last = lastDateOf(month);
    const presentDays = new Map<string, Set<string>>();
    for (const row of this.presentDays.iterate(groupId, first, last)) {
      let days = presentDays.get(row.childId);
      if (!days) presentDays.set(row.childId, (days = new Set()));
      days.add(row.localDate);
    }
    return buildTabel({
      month,
      groupId,
      groupName: group.name,
      kindergartenName: this.deps.kindergartenName(),
      asOf,
      unexcusedLimit: this.deps.unexcusedLimit(),
      days: monthCalendar(month, kzHolidaysInMonth(month, language), this.deps.transfers.inMonth(month)),
      children: this.children.all(groupId),
      presentDays,
      absences: this.absences.all(groupId, last, first),
    });
  }
}
