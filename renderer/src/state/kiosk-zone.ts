// The kindergarten's time zone as the core's status tells it: every local day and time the screens show is told in it,
// whatever zone the browser (or the OS under it) is in. Set from each status the screens receive (use-kiosk-status).
import { toLocalTime, type LocalTime } from '../../../shared/domain/local-time.js';

let zone: string | undefined;

export function setKioskZone(next: string | undefined): void {
  zone = next;
}

/** The kindergarten's zone, or undefined before the first status (then the browser's own). */
export function kioskZone(): string | undefined {
  return zone;
}

/** An instant (by default now) as the kindergarten's local time. */
export function kioskLocalTime(date: Date = new Date()): LocalTime {
  return toLocalTime(date, zone);
}
