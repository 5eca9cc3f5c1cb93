// What the time-zone picker lists: Kazakhstan's zones first, by their names in the admin's language, then every other
// zone the browser's tz data knows; each with its offset now, so "UTC+05:00" shows the 2024 change at a glance.
import { zoneOffsetMinutes } from '../../../shared/domain/local-time.js';
import { isKazakhstanZone, KAZAKHSTAN_ZONES } from '../../../shared/domain/time-zones.js';
import { fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import type { TimeZoneTexts } from '../../../shared/i18n/admin/time-zone-en.js';

export interface ZoneOption {
  zone: string;
  label: string;
}

/** "+05:00" */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function option(texts: TimeZoneTexts, zone: string, name: string, nowMs: number): ZoneOption {
  return { zone, label: fillText(texts.option, { name, offset: offsetLabel(zoneOffsetMinutes(zone, nowMs)) }) };
}

/** The two lists the picker shows; `current` is among them even when the browser does not list it. */
export function zoneOptions(texts: TimeZoneTexts, current: string, nowMs: number, known: readonly string[]): { kazakhstan: ZoneOption[]; other: ZoneOption[] } {
  const kazakhstan = KAZAKHSTAN_ZONES.map((zone) => option(texts, zone, `${texts.zones[zone]} — ${zone}`, nowMs));
  const others = new Set(known.filter((zone) => !isKazakhstanZone(zone)));
  if (current !== '' && !isKazakhstanZone(current)) others.add(current);
  const other = [...others].sort().flatMap((zone) => {
    try {
      return [option(texts, zone, zone, nowMs)];
    } catch {
      return []; // a name this browser's tz data cannot tell the offset of: left out rather than shown wrong
    }
  });
  return { kazakhstan, other };
}
