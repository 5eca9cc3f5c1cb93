// When the kiosk may look for, fetch and install an update. A kindergarten's door is busiest from the morning
// reception before the headcount cut-off until the last children are collected after closing time: an installer
// restarting the kiosk then would leave companions at a dead screen. So an update installs only in the quiet hours the
// admin sets, or when an admin says "now" — and never inside the door's day, whatever the quiet hours or the admin say.
import { toLocalTime, type LocalZone } from '../../../shared/domain/local-time.js';

export interface QuietHours {
  /** Local "HH:MM" the quiet hours start and end at; from > to spans midnight (21:00–06:00). */
  from: string;
  to: string;
}

/** The door's day as the staff settings hold it. */
export interface DoorDay {
  headcountCutOff: string;
  closingTime: string;
}

/** Reception starts about this long before the cut-off (Almaty's kindergartens open at 07:00 for a 09:00 cut-off). */
export const MORNING_RECEPTION_MINUTES = 180;
/** Children are still collected, and staff resolve who is left, for a while after closing time. */
export const AFTER_CLOSING_MINUTES = 60;
/** A successful check is repeated daily; a failed one an hour later. */
export const CHECK_EVERY_MS = 24 * 3_600_000;
export const RETRY_FAILED_CHECK_MS = 3_600_000;

const DAY_MINUTES = 24 * 60;

function minutesOf(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function hhmmOfMinutes(minutes: number): string {
  const m = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Whether a minute of the day falls in [from, to), a window that may span midnight; from = to is empty. */
function within(minute: number, from: number, to: number): boolean {
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The door's day as local "HH:MM" from and to: nothing installs inside it. */
export function doorHours(day: DoorDay): QuietHours {
  return { from: hhmmOfMinutes(minutesOf(day.headcountCutOff) - MORNING_RECEPTION_MINUTES), to: hhmmOfMinutes(minutesOf(day.closingTime) + AFTER_CLOSING_MINUTES) };
}

export type InstallVerdict = { allowed: true } | { allowed: false; reason: 'door-hours' | 'outside-quiet-hours'; doorHours: QuietHours };

export interface InstallQuestion {
  nowMs: number;
  /** Where the kindergarten tells its time (time/clock.ts zoneOf: its IANA zone, or an offset a test pins). */
  zone: LocalZone | undefined;
  quietHours: QuietHours;
  door: DoorDay;
  /** An admin said "install now": the quiet hours do not matter then, the door's day still does. */
  adminSaysNow: boolean;
}

export function mayInstall(q: InstallQuestion): InstallVerdict {
  const local = toLocalTime(new Date(q.nowMs), q.zone);
  const minute = minutesOf(local.hhmm);
  const door = doorHours(q.door);
  if (within(minute, minutesOf(door.from), minutesOf(door.to))) return { allowed: false, reason: 'door-hours', doorHours: door };
  if (q.adminSaysNow || within(minute, minutesOf(q.quietHours.from), minutesOf(q.quietHours.to))) return { allowed: true };
  return { allowed: false, reason: 'outside-quiet-hours', doorHours: door };
}

export interface LastCheck {
  atMs: number;
  ok: boolean;
}

/** Whether the daily check is due: never checked, a day since the last good one, an hour since a failed one. */
export function checkDue(last: LastCheck | null, nowMs: number): boolean {
  if (!last) return true;
  // A clock set back must not silence the checks for the length of the jump.
  if (nowMs < last.atMs) return true;
  return nowMs - last.atMs >= (last.ok ? CHECK_EVERY_MS : RETRY_FAILED_CHECK_MS);
}
