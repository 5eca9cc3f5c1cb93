// The kindergarten's time zone: an IANA name the runtime's tz data knows. Kazakhstan's zones come first wherever one is
// chosen; since 1 March 2024 all of them are UTC+5, and the tz data knows which were +6 before (Almaty, Qostanay).
import { isKnownTimeZone } from './local-time.js';

/** Kazakhstan's zones in the tz database, the most populous first (Asia/Almaty holds Astana, Almaty and Shymkent). */
export const KAZAKHSTAN_ZONES = ['Asia/Almaty', 'Asia/Qostanay', 'Asia/Aqtobe', 'Asia/Aqtau', 'Asia/Atyrau', 'Asia/Oral', 'Asia/Qyzylorda'] as const;
export type KazakhstanZone = (typeof KAZAKHSTAN_ZONES)[number];

export function isKazakhstanZone(zone: string): zone is KazakhstanZone {
  return (KAZAKHSTAN_ZONES as readonly string[]).includes(zone);
}

/** Every zone the runtime knows, Kazakhstan's first and then the rest by name (for the picker). */
export function zonesOffered(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const rest = all.filter((zone) => !isKazakhstanZone(zone)).sort();
  return [...KAZAKHSTAN_ZONES, ...rest];
}

/** The zone the machine says it is in, when the runtime knows it; 'UTC' when it names none it knows. */
export function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return typeof zone === 'string' && isKnownTimeZone(zone) ? zone : 'UTC';
}
