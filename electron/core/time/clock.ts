// The kiosk's clock: the instant from the OS (or a test), local days and times in the kindergarten's zone.
import { toLocalTime, type LocalTime, type LocalZone } from '../../../shared/domain/local-time.js';

/** The core never reads Date directly, so tests can set the day and the hour. */
export interface Clock {
  now(): Date;
  /** A fixed offset in minutes east of UTC, for tests and benchmarks that pin one: it wins over the zone. */
  readonly offsetMinutes?: number;
  /**
   * The kindergarten's IANA zone as it stands now (a setting an admin may change, so it is asked each time); absent:
   * the machine's own zone (only before a records file is open, or in a test that wants it).
   */
  timeZone?(): string;
}

export const systemClock: Clock = { now: () => new Date() };

/** Where this clock tells local time: its pinned offset, else the kindergarten's zone, else the machine's (undefined). */
export function zoneOf(clock: Clock): LocalZone | undefined {
  return clock.offsetMinutes ?? clock.timeZone?.();
}

/** `date` (by default now) as the kindergarten's local time. */
export function localTimeOf(clock: Clock, date: Date = clock.now()): LocalTime {
  return toLocalTime(date, zoneOf(clock));
}

/** The same instants as `base`, told in the zone `timeZone` names (unless `base` pins an offset). */
export function zonedClock(base: Clock, timeZone: () => string): Clock {
  return {
    now: () => base.now(),
    ...(base.offsetMinutes === undefined ? {} : { offsetMinutes: base.offsetMinutes }),
    timeZone,
  };
}
