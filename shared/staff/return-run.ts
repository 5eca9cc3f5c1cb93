// How long a child arriving today was away: the run of school days just before today that the табель marks as
// sickness or an absence nobody explained. Days off (weekends, holidays, the admin's transfers) neither count nor end
// the run; anything else (a day present, a holiday or sanatorium stay, family reasons, a day before the kiosk kept
// records or before the child joined) ends it. The marks are the табель's (shared/admin/tabel.ts): no second rule.
import type { TabelMark } from '../admin/tabel.js';

/** The marks that make a run of absence a doctor's certificate is asked for. */
const AWAY: ReadonlySet<TabelMark> = new Set<TabelMark>(['sick', 'sick-uncertified', 'unmarked']);
/** Days the kindergarten is closed: passed over. */
const CLOSED: ReadonlySet<TabelMark> = new Set<TabelMark>(['weekend', 'holiday']);

export interface AbsenceRun {
  /** School days in the run (0: the child was not away). */
  days: number;
  /** The last day the child was there before the run, if the marks reach it. */
  lastSeen: string | null;
  /** The marks ran out while still in the run: the caller may look at the month before. */
  open: boolean;
}

/** The run ending just before today, reading `daysBack` newest first (each day's date and табель mark). */
export function absenceRunBefore(daysBack: Iterable<{ date: string; mark: TabelMark }>, carried: number = 0): AbsenceRun {
  let days = carried;
  for (const { date, mark } of daysBack) {
    if (CLOSED.has(mark)) continue;
    if (AWAY.has(mark)) {
      days += 1;
      continue;
    }
    return { days, lastSeen: mark === 'present' ? date : null, open: false };
  }
  return { days, lastSeen: null, open: true };
}
