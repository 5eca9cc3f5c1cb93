// What the admin screens warn about the clocks: the OS clock away from the city's, and the OS zone's offset now not
// the kindergarten's. The kiosk keeps counting in the kindergarten's zone either way; the warnings are for a person.
import type { ClockWarning } from '../../../shared/admin/time-zone-contract.js';

/** Beyond this the staff are told: NTP keeps a healthy clock within a second; two minutes is someone's mistake. */
export const MAX_CLOCK_DRIFT_MS = 2 * 60_000;

export function isDrift(offsetMs: number): boolean {
  return Math.abs(offsetMs) > MAX_CLOCK_DRIFT_MS;
}

export interface ClockFacts {
  /** The kindergarten zone's offset now, minutes east of UTC. */
  zoneOffsetMinutes: number;
  /** The OS zone's offset now. */
  osOffsetMinutes: number;
  /** City clock minus kiosk clock at the last exchange, ms; null before the first. */
  cityClockOffsetMs: number | null;
}

export function clockWarnings(facts: ClockFacts): ClockWarning[] {
  const warnings: ClockWarning[] = [];
  if (facts.cityClockOffsetMs !== null && isDrift(facts.cityClockOffsetMs)) warnings.push('os-clock-off');
  if (facts.osOffsetMinutes !== facts.zoneOffsetMinutes) warnings.push('os-zone-offset-differs');
  return warnings;
}

/** The OS's own zone and its offset at `ms`, as the machine reports them (what the OS shows, not what the kiosk uses). */
export function osClock(ms: number): { zone: string; offsetMinutes: number } {
  return { zone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC', offsetMinutes: -new Date(ms).getTimezoneOffset() };
}
