// The readings of the fact kinds that must not hang on arrival order (docs/peers.md §6 "Per kind"): a child's state on
// a day, the absence that gives a day's reason, what a correction withdrew. Facts are never merged, only read so.

/** The fields of an attendance event its order needs. */
export interface OrderedEvent {
  id: string;
  occurredMs: number;
  deviceId: string;
  deviceSeq: number;
}

/** occurred_ms, then device_id, then device_seq: ties across doors are decided the same on every machine. */
export function byAttendanceOrder(a: OrderedEvent, b: OrderedEvent): number {
  return a.occurredMs - b.occurredMs || (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0) || a.deviceSeq - b.deviceSeq;
}

/** The event a child's state on a day is (its newest not withdrawn), or null when nothing stands. */
export function newestStanding<E extends OrderedEvent>(events: readonly E[], withdrawn: ReadonlySet<string>): E | null {
  let newest: E | null = null;
  for (const e of events) {
    if (withdrawn.has(e.id)) continue;
    if (newest === null || byAttendanceOrder(e, newest) > 0) newest = e;
  }
  return newest;
}

/** The fields of an absence its choice needs. */
export interface DatedAbsence {
  id: string;
  firstDate: string;
  lastDate: string;
}

/** Of the absences not withdrawn that cover `date`, the one with the greatest id (uuid v7: the newest) gives the reason. */
export function absenceFor<A extends DatedAbsence>(absences: readonly A[], date: string, withdrawn: ReadonlySet<string>): A | null {
  let chosen: A | null = null;
  for (const a of absences) {
    if (withdrawn.has(a.id) || a.firstDate > date || a.lastDate < date) continue;
    if (chosen === null || a.id > chosen.id) chosen = a;
  }
  return chosen;
}

export interface Withdrawal {
  id: string;
  targetId: string;
  deviceId: string;
}

/** Withdrawn is one-way: any correction that names a record withdraws it, whoever wrote it first. */
export function withdrawnIds(corrections: readonly Withdrawal[]): Set<string> {
  return new Set(corrections.map((c) => c.targetId));
}

/** The corrections of one record, first by id: the console shows the first and "also withdrawn by" the rest. */
export function withdrawalsOf<C extends Withdrawal>(corrections: readonly C[], targetId: string): C[] {
  return corrections.filter((c) => c.targetId === targetId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Certificate checks of one child and day: the newest by id stands (as `staff/return-checks.ts` reads `max(k.id)`). */
export function newestById<R extends { id: string }>(records: readonly R[]): R | null {
  let newest: R | null = null;
  for (const r of records) if (newest === null || r.id > newest.id) newest = r;
  return newest;
}

/** Kept staff alerts: handled once any machine says so (`staff-alert-handled`), whoever and wherever. */
export function handledAlertIds(handled: readonly { alertId: string }[]): Set<string> {
  return new Set(handled.map((h) => h.alertId));
}
