// The clock's texts in each language (see time-zone-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { timeZoneEn, type TimeZoneTexts } from './time-zone-en.js';
import { timeZoneKk } from './time-zone-kk.js';
import { timeZoneRu } from './time-zone-ru.js';

export const timeZoneCatalogs: Record<Language, TimeZoneTexts> = { kk: timeZoneKk, ru: timeZoneRu, en: timeZoneEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function timeZoneTexts(language: string): TimeZoneTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? timeZoneCatalogs[base] : timeZoneCatalogs.ru;
}
