// Today's place of each child, derived by replaying the day's records: the last attendance event that no correction
// withdrew decides present or left; with none, an absence covering the day (not withdrawn) makes the child absent.
// The core answers the same question with SQL (electron/core/staff/presence-store.ts); a property test holds the two
// equal.
import type { EventKind } from '../domain/attendance.js';
import type { AbsenceReason, PresenceState } from './staff-domain.js';

export interface ReplayEvent {
  id: string;
  childId: string;
  kind: EventKind;
  localDate: string;
  occurredMs: number;
  deviceSeq: number;
}

export interface ReplayAbsence {
  id: string;
  childId: string;
  firstDate: string;
  lastDate: string;
  reason: AbsenceReason;
}

export interface DayRecords {
  events: readonly ReplayEvent[];
  absences: readonly ReplayAbsence[];
  /** Ids of events and absences a correction withdrew. */
  withdrawn: ReadonlySet<string>;
}

export interface ChildPresence {
  state: PresenceState;
  /** The event that decided present or left. */
  lastEvent: ReplayEvent | null;
  absenceReason: AbsenceReason | null;
}

/** The order the door reads "today's last event" in: time, then the device's sequence for equal times. */
export function laterEvent(a: ReplayEvent, b: ReplayEvent): ReplayEvent {
  if (a.occurredMs !== b.occurredMs) return a.occurredMs > b.occurredMs ? a : b;
  return a.deviceSeq >= b.deviceSeq ? a : b;
}

export function presenceOn(localDate: string, childId: string, records: DayRecords): ChildPresence {
  let last: ReplayEvent | null = null;
  for (const e of records.events) {
    if (e.childId !== childId || e.localDate !== localDate || records.withdrawn.has(e.id)) continue;
    last = last === null ? e : laterEvent(last, e);
  }
  if (last !== null) return { state: last.kind === 'arrival' ? 'present' : 'left', lastEvent: last, absenceReason: null };
  // The absence recorded last wins when two overlap (its reason is the newer word).
  let absence: ReplayAbsence | null = null;
  for (const a of records.absences) {
    if (a.childId !== childId || records.withdrawn.has(a.id) || a.firstDate > localDate || a.lastDate < localDate) continue;
    if (absence === null || a.id > absence.id) absence = a;
  }
  if (absence !== null) return { state: 'absent', lastEvent: null, absenceReason: absence.reason };
  return { state: 'expected', lastEvent: null, absenceReason: null };
}
