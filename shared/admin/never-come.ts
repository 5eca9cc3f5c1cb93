// Children on the roll who never come (issue 16 §3): the run of school days, counted back from a day, on which the
// child was neither there nor covered by an excused absence. The marks are the табель's (shared/admin/tabel.ts), so
// the days it counts are the days isUnexcused counts (an unmarked day, family reasons, sick days past the allowance
// without a certificate): no second rule. Days off (weekends, holidays, the admin's transfers) and days not over yet
// are passed over; a day present ends the run, and so does anything else: an excused absence (sickness within the
// allowance or with a certificate, a holiday, a sanatorium stay, other reasons), a day before the child was enrolled,
// a day before the kiosk kept records.
import type { TabelMark } from './tabel.js';
import { isUnexcused } from './tabel.js';

/** Days passed over: the kindergarten is closed, or the day is not over yet (today, with nothing recorded). */
const PASSED_OVER: ReadonlySet<TabelMark> = new Set<TabelMark>(['weekend', 'holiday', 'future']);

export interface NeverComeRun {
  /** School days in the run (0: the child was there, or excused, on the last school day). */
  days: number;
  /** What ended the run: 'present', an excused reason, 'not-enrolled', 'no-records'; null while still open. */
  endedBy: TabelMark | null;
  /** The marks ran out while still in the run: the caller may read the month before and carry `days` into it. */
  open: boolean;
}

/** The run ending at the newest day of `daysBack` (each day's табель mark, newest first), after `carried` days. */
export function neverComeRun(daysBack: Iterable<TabelMark>, carried = 0): NeverComeRun {
  let days = carried;
  for (const mark of daysBack) {
    if (PASSED_OVER.has(mark)) continue;
    if (isUnexcused(mark)) {
      days += 1;
      continue;
    }
    return { days, endedBy: mark, open: false };
  }
  return { days, endedBy: null, open: true };
}
