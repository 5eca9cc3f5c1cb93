// Children who never come (issue 16 §3): each group's табель read back month by month from a day, each child's run of
// school days neither there nor excused measured by shared/admin/never-come.ts, and those at `neverComeAfterDays` or
// more listed with the last day they were there. The табель decides every day (holidays, transfers, enrolment, the
// sick-day allowance), so the list counts by the same rule as the papers.
import type { Database, Statement } from 'better-sqlite3';
import type { NeverComeChild } from '../../../shared/admin/never-come-contract.js';
import { neverComeRun, type NeverComeRun } from '../../../shared/admin/never-come.js';
import type { TabelSheet } from '../../../shared/admin/tabel.js';
import { shiftMonth } from '../../../shared/admin/work-calendar.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { inKazakhOrder } from '../../../shared/text/kazakh-order.js';

/** Months read back at most: a child away longer than this is listed with "at least" the days read. */
const MONTHS_BACK = 13;

export interface GroupSheets {
  sheet(groupId: string, month: string, asOf: string, language: Language): TabelSheet | null;
}

export interface NeverComeDeps {
  db: Database;
  tabels: GroupSheets;
  /** School days without attendance or excuse that put a child on the list (setting neverComeAfterDays). */
  afterDays: () => number;
}

interface Found {
  row: { childId: string; firstName: string; lastName: string };
  run: NeverComeRun;
}

export class NeverComeFinder {
  private readonly groups: Statement<[], { id: string; name: string }>;
  private readonly lastSeen: Statement<[string, string], { day: string | null }>;

  constructor(private readonly deps: NeverComeDeps) {
    this.groups = deps.db.prepare('SELECT id, name FROM groups ORDER BY id');
    // The child's newest day with an event no correction withdrew (attendance_by_child_day answers it from the end).
    this.lastSeen = deps.db.prepare(`SELECT max(e.local_date) AS day FROM attendance_events e
                                      WHERE e.child_id = ? AND e.local_date <= ?
                                        AND NOT EXISTS (SELECT 1 FROM corrections k WHERE k.target_type = 'attendance' AND k.target_id = e.id)`);
  }

  /**
   * The children on the roll on `through` who have not come for the setting's school days, counted back from
   * `through` (included); `asOf` is the табель's first day not over yet (today, or the day after a month that ended).
   */
  list(through: string, asOf: string): NeverComeChild[] {
    const after = this.deps.afterDays();
    const listed: NeverComeChild[] = [];
    for (const group of this.groups.all()) {
      for (const { row, run } of this.runsOf(group.id, through, asOf)) {
        if (run.days < after) continue;
        listed.push({
          childId: row.childId,
          firstName: row.firstName,
          lastName: row.lastName,
          groupId: group.id,
          groupName: group.name,
          schoolDays: run.days,
          atLeast: run.open,
          lastSeen: this.lastSeen.get(row.childId, through)?.day ?? null,
        });
      }
    }
    return inKazakhOrder(listed, (c) => c.groupName, (c) => c.lastName, (c) => c.firstName);
  }

  /** Each child on the group's табель of `through`'s month, with the run ending at `through`. */
  private runsOf(groupId: string, through: string, asOf: string): Found[] {
    const runs = new Map<string, Found>();
    let month = through.slice(0, 7);
    for (let i = 0; i < MONTHS_BACK; i++) {
      const sheet = this.deps.tabels.sheet(groupId, month, asOf, 'ru');
      if (!sheet) break;
      const onSheet = new Set<string>();
      for (const row of sheet.rows) {
        const before = runs.get(row.childId);
        // The first month names the children on the roll; earlier months only carry the runs still open.
        if (i > 0 && before?.run.open !== true) continue;
        onSheet.add(row.childId);
        const back = sheet.days.flatMap((d, j) => (d.date <= through ? [row.marks[j] ?? 'no-records'] : [])).reverse();
        runs.set(row.childId, { row, run: neverComeRun(back, before?.run.days ?? 0) });
      }
      // Open, yet not on the month before's табель: not enrolled in it, so the run began with the enrolment.
      for (const [childId, found] of runs) {
        if (found.run.open && !onSheet.has(childId)) runs.set(childId, { ...found, run: { ...found.run, open: false, endedBy: 'not-enrolled' } });
      }
      if (![...runs.values()].some((f) => f.run.open)) break;
      month = shiftMonth(month, -1);
    }
    return [...runs.values()];
  }
}
