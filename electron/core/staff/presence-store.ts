// Today's place of the children from the database: the same rule as shared/staff/presence.ts (the last event no
// correction withdrew, else an absence covering the day), in SQL over the indexes. The door, the staff screens,
// the headcount and the closing list all read presence from here.
import type { Database, Statement } from 'better-sqlite3';
import type { EventKind } from '../../../shared/domain/attendance.js';
import type { ChildPresence, ReplayEvent } from '../../../shared/staff/presence.js';
import type { AbsenceReason } from '../../../shared/staff/staff-domain.js';

const NOT_WITHDRAWN_EVENT = `NOT EXISTS (SELECT 1 FROM corrections c WHERE c.target_type = 'attendance' AND c.target_id = e.id)`;
const NOT_WITHDRAWN_ABSENCE = `NOT EXISTS (SELECT 1 FROM corrections c WHERE c.target_type = 'absence' AND c.target_id = a.id)`;

/** Exported for the migration test's EXPLAIN QUERY PLAN checks. */
export const PRESENCE_SQL = {
  lastEvent: `SELECT e.id, e.child_id, e.kind, e.local_date, e.occurred_ms, e.device_seq FROM attendance_events e
     WHERE e.child_id = ? AND e.local_date = ? AND ${NOT_WITHDRAWN_EVENT}
     ORDER BY e.occurred_ms DESC, e.device_seq DESC LIMIT 1`,
  absenceOn: `SELECT a.reason FROM absences a
     WHERE a.child_id = ? AND a.first_date <= ? AND a.last_date >= ? AND ${NOT_WITHDRAWN_ABSENCE}
     ORDER BY a.id DESC LIMIT 1`,
  dayEvents: `SELECT e.id, e.child_id, e.kind, e.local_date, e.occurred_ms, e.device_seq FROM attendance_events e
     WHERE e.local_date = ? AND ${NOT_WITHDRAWN_EVENT}
     ORDER BY e.occurred_ms, e.device_seq`,
  dayAbsences: `SELECT a.id, a.child_id, a.reason FROM absences a
     WHERE a.last_date >= ? AND a.first_date <= ? AND ${NOT_WITHDRAWN_ABSENCE}`,
} as const;

interface EventRow {
  id: string;
  child_id: string;
  kind: EventKind;
  local_date: string;
  occurred_ms: number;
  device_seq: number;
}

const replayOf = (row: EventRow): ReplayEvent => ({
  id: row.id,
  childId: row.child_id,
  kind: row.kind,
  localDate: row.local_date,
  occurredMs: row.occurred_ms,
  deviceSeq: row.device_seq,
});

const EXPECTED: ChildPresence = { state: 'expected', lastEvent: null, absenceReason: null };

export class PresenceStore {
  private readonly lastEvent: Statement<[string, string], EventRow>;
  private readonly absenceOn: Statement<[string, string, string], { reason: AbsenceReason }>;
  private readonly dayEvents: Statement<[string], EventRow>;
  private readonly dayAbsences: Statement<[string, string], { id: string; child_id: string; reason: AbsenceReason }>;

  constructor(db: Database) {
    this.lastEvent = db.prepare(PRESENCE_SQL.lastEvent);
    this.absenceOn = db.prepare(PRESENCE_SQL.absenceOn);
    this.dayEvents = db.prepare(PRESENCE_SQL.dayEvents);
    this.dayAbsences = db.prepare(PRESENCE_SQL.dayAbsences);
  }

  of(childId: string, localDate: string): ChildPresence {
    const last = this.lastEvent.get(childId, localDate);
    if (last) return { state: last.kind === 'arrival' ? 'present' : 'left', lastEvent: replayOf(last), absenceReason: null };
    const absence = this.absenceOn.get(childId, localDate, localDate);
    return absence ? { state: 'absent', lastEvent: null, absenceReason: absence.reason } : EXPECTED;
  }

  /** Every child with a record on the day; a child not in the map is expected. */
  day(localDate: string): Map<string, ChildPresence> {
    const presence = new Map<string, ChildPresence>();
    // Oldest first (uuid v7 ids sort by time): the absence recorded last wins, as in the replay. Sorted here, so the
    // query can run on the last-day index instead of walking the table in id order.
    const absences = this.dayAbsences.all(localDate, localDate).sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const a of absences) {
      presence.set(a.child_id, { state: 'absent', lastEvent: null, absenceReason: a.reason });
    }
    // Events after absences, in order: the last one of a child decides.
    for (const row of this.dayEvents.iterate(localDate)) {
      presence.set(row.child_id, { state: row.kind === 'arrival' ? 'present' : 'left', lastEvent: replayOf(row), absenceReason: null });
    }
    return presence;
  }
}

export function presenceIn(day: ReadonlyMap<string, ChildPresence>, childId: string): ChildPresence {
  return day.get(childId) ?? EXPECTED;
}
