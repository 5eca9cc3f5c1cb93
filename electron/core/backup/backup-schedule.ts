// When the next copy is due: a daily copy on the first check of each local day, and an hourly one when the door has
// recorded since the last copy and an hour has passed (an idle kiosk at night makes no copies of an unchanged file).
// After a failure the next try waits a while, so a full disk is not hammered every minute.
import { toLocalTime, type LocalZone } from '../../../shared/domain/local-time.js';

export const HOUR_MS = 3_600_000;
/** A failed attempt is tried again after this long (an admin's "back up now" does not wait). */
export const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

export interface ScheduleInput {
  nowMs: number;
  /** Where the local day is told (time/clock.ts zoneOf). */
  zone: LocalZone | undefined;
  /** The newest verified copy: when it was taken and its chain head's seq (0: none of this kiosk's events). */
  lastGood: { takenMs: number; headSeq: number } | null;
  /** This kiosk's newest event's seq now (0: none). */
  newestSeq: number;
  /** The last attempt that failed, if it came after the last good copy. */
  lastFailureMs: number | null;
}

export function dueBackup(input: ScheduleInput): 'daily' | 'hourly' | null {
  const { nowMs, lastGood, lastFailureMs } = input;
  if (lastFailureMs !== null && nowMs - lastFailureMs < RETRY_AFTER_FAILURE_MS) return null;
  if (lastGood === null) return 'daily';
  const today = toLocalTime(new Date(nowMs), input.zone).localDate;
  if (toLocalTime(new Date(lastGood.takenMs), input.zone).localDate !== today) return 'daily';
  if (input.newestSeq !== lastGood.headSeq && nowMs - lastGood.takenMs >= HOUR_MS) return 'hourly';
  return null;
}
