// Wall-clock time as the kiosk records it: the device's local time with its UTC offset.

export interface LocalTime {
  /** ISO 8601 with offset, e.g. 2026-11-23T08:12:03.120+05:00 */
  iso: string;
  ms: number;
  /** Local calendar day, YYYY-MM-DD: the day an event counts for in the табель. */
  localDate: string;
  /** Local HH:MM, for screens. */
  hhmm: string;
  offsetMinutes: number;
}

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** offsetMinutes is east of UTC (Almaty: +300); by default the machine's own offset at that instant. */
export function toLocalTime(date: Date, offsetMinutes = -date.getTimezoneOffset()): LocalTime {
  const ms = date.getTime();
  const shifted = new Date(ms + offsetMinutes * 60_000);
  const localDate = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const hhmm = `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const offset = `${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
  const iso = `${localDate}T${hhmm}:${pad(shifted.getUTCSeconds())}.${pad(shifted.getUTCMilliseconds(), 3)}${offset}`;
  return { iso, ms, localDate, hhmm, offsetMinutes };
}

/** "HH:MM" of an ISO timestamp as written by toLocalTime (its own offset, not the viewer's). */
export function hhmmOf(iso: string): string {
  return iso.slice(11, 16);
}
