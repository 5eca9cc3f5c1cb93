// Kazakhstan's public holidays from the date-holidays package: the fixed ones, Kurban ait by the lunar calendar, and
// the substitute days the Labour Code adds when a holiday falls on a weekend. Names in the export's language.
import type Holidays from 'date-holidays';
import { createRequire } from 'node:module';
import type { PublicHoliday } from '../../../shared/admin/work-calendar.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { catalogs } from '../../../shared/i18n/catalogs.js';

/** Loading the country's rules takes a few hundred milliseconds: once per language, then per year from the cache. */
const calendars = new Map<Language, Holidays>();
const years = new Map<string, PublicHoliday[]>();

/**
 * The package is loaded the first time a табель asks for a calendar, not when the kiosk starts: its hundreds of
 * modules (moment-timezone, astronomy) would stand between a restart and the door's first answered tap.
 */
let HolidaysClass: typeof Holidays | null = null;

function holidaysClass(): typeof Holidays {
  HolidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays;
  return HolidaysClass;
}

function calendar(language: Language): Holidays {
  let found = calendars.get(language);
  if (!found) {
    const HolidaysOfCountry = holidaysClass();
    found = new HolidaysOfCountry('KZ', { languages: [language], types: ['public'] });
    calendars.set(language, found);
  }
  return found;
}

/** The public holidays (days off) of a year. Observances that stay working days are left out. */
export function kzPublicHolidays(year: number, language: Language): PublicHoliday[] {
  const key = `${year}:${language}`;
  let holidays = years.get(key);
  if (!holidays) {
    const moved = catalogs[language].admin.tabel.substituteDay;
    holidays = calendar(language)
      .getHolidays(year, language)
      .filter((h) => h.type === 'public')
      .map((h) => ({
        // The date string starts with the local date ("2026-05-27 00:00:00 -0600" for a lunar date): that is the day.
        date: h.date.slice(0, 10),
        // The package names substitute days in English whatever the language.
        name: h.substitute ? `${h.name.replace(/\s*\(substitute day\)$/, '')} (${moved})` : h.name,
      }));
    years.set(key, holidays);
  }
  return holidays;
}

/** The public holidays that fall in a month ("YYYY-MM"). */
export function kzHolidaysInMonth(month: string, language: Language): PublicHoliday[] {
  return kzPublicHolidays(Number(month.slice(0, 4)), language).filter((h) => h.date.startsWith(month));
}
