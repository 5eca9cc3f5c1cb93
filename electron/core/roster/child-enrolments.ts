// The days each child is enrolled (table child_enrolments, migration 0017): a child joins from a local day and leaves
// after one, and the табель counts only those days. Every write runs inside the caller's transaction, beside the change
// to children.active it goes with: an active child has exactly one open period, an inactive one none.
import type { Database, Statement } from 'better-sqlite3';

export const CHILD_ENROLMENT_SQL = {
  open: 'SELECT id, from_day AS fromDay FROM child_enrolments WHERE child_id = ? AND until_day IS NULL',
  insertOpen: 'INSERT INTO child_enrolments (child_id, from_day, until_day) VALUES (?, ?, NULL)',
  setFrom: 'UPDATE child_enrolments SET from_day = ? WHERE id = ?',
  close: 'UPDATE child_enrolments SET until_day = ? WHERE id = ?',
  drop: 'DELETE FROM child_enrolments WHERE id = ?',
  lastClosed: 'SELECT max(until_day) AS day FROM child_enrolments WHERE child_id = ? AND until_day IS NOT NULL',
} as const;

export interface OpenPeriod {
  id: number;
  /** Null: since before the kiosk knew. */
  fromDay: string | null;
}

export class ChildEnrolments {
  private readonly s: { [K in keyof typeof CHILD_ENROLMENT_SQL]: Statement };

  constructor(db: Database) {
    this.s = Object.fromEntries(Object.entries(CHILD_ENROLMENT_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as ChildEnrolments['s'];
  }

  openPeriod(childId: string): OpenPeriod | undefined {
    return this.s.open.get(childId) as OpenPeriod | undefined;
  }

  /** The last day of the child's latest closed period, or null: a new period may not start on or before it. */
  lastDayEnrolled(childId: string): string | null {
    return (this.s.lastClosed.get(childId) as { day: string | null }).day;
  }

  /**
   * The child is enrolled from `day` on. A period the insert trigger just opened (from NULL, a child added now) takes
   * the day; one already open is left as it is (an edit of an enrolled child changes nothing of their days).
   */
  join(childId: string, day: string | null, justAdded: boolean): void {
    const open = this.openPeriod(childId);
    if (open) {
      if (justAdded && open.fromDay === null && day !== null) this.s.setFrom.run(day, open.id);
      return;
    }
    this.s.insertOpen.run(childId, day);
  }

  /**
   * The child's last enrolled day is `day`. A period that would start after it (a join set for a day still to come)
   * never began, so it goes; one starting on it or before ends there.
   */
  leave(childId: string, day: string): void {
    const open = this.openPeriod(childId);
    if (!open) return;
    if (open.fromDay !== null && open.fromDay > day) this.s.drop.run(open.id);
    else this.s.close.run(day, open.id);
  }
}
