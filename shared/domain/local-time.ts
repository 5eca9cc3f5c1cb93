// Wall-clock time as the kiosk records it: the kindergarten's local time with its UTC offset at that instant.

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

/**
 * Where local time is told: an IANA zone name (the kindergarten's setting: its offset is looked up for each instant,
 * so Almaty is +06:00 on 29 February 2024 and +05:00 from 1 March 2024), or a fixed offset in minutes east of UTC
 * (tests and benchmarks that pin one).
 */
export type LocalZone = string | number;

const pad = (n: number, width = 2): string => String(Math.trunc(Math.abs(n))).padStart(width, '0');

// One formatter per zone: building one costs far more than using it, and a tap asks for the time once or twice.
const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the runtime's time-zone data knows this IANA name (Intl throws a RangeError for one it does not). */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    offsetFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in minutes east at the instant `ms`, from the runtime's tz data ("GMT+05:00"). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const name = offsetFormatter(zone).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})(?::\d{2})?$/.exec(name);
  if (!match) return 0; // "GMT": UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The offset east of UTC at `ms` where `zone` tells the time; no zone: the machine's own. */
export function offsetAt(ms: number, zone?: LocalZone): number {
  if (zone === undefined) return -new Date(ms).getTimezoneOffset();
  return typeof zone === 'number' ? zone : zoneOffsetMinutes(zone, ms);
}

/** The local time of `date` in `zone` (see LocalZone); without one, the machine's own zone at that instant. */
export function toLocalTime(date: Date, zone?: LocalZone): LocalTime {
  const ms = date.getTime();
  const offsetMinutes = offsetAt(ms, zone);
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

/**
 * The instant a local day's wall-clock "HH:MM" names in `zone`, as a LocalTime (a day entered later from the paper
 * list is recorded at its day's cut-off hour). The offset is looked up at the instant itself, so a day after a zone's
 * change gets the new offset; a time skipped by a change lands just after it.
 */
export function localTimeOn(date: string, hhmm: string, zone?: LocalZone): LocalTime {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  // Twice: the offset at the first guess may be the other side of a change from the instant it gives.
  const first = wall - offsetAt(wall, zone) * 60_000;
  const ms = wall - offsetAt(first, zone) * 60_000;
  return toLocalTime(new Date(ms), zone);
}
