// The date and time fields' texts in each language (see dates-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { datesEn, type DateFieldTexts } from './dates-en.js';
import { datesKk } from './dates-kk.js';
import { datesRu } from './dates-ru.js';

export const datesCatalogs: Record<Language, DateFieldTexts> = { kk: datesKk, ru: datesRu, en: datesEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function dateFieldTexts(language: string): DateFieldTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? datesCatalogs[base] : datesCatalogs.ru;
}
