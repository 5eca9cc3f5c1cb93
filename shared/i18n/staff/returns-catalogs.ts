// The returns' texts in each language (see returns-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { returnsEn, type ReturnTexts } from './returns-en.js';
import { returnsKk } from './returns-kk.js';
import { returnsRu } from './returns-ru.js';

export const returnsCatalogs: Record<Language, ReturnTexts> = { kk: returnsKk, ru: returnsRu, en: returnsEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function returnTexts(language: string): ReturnTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? returnsCatalogs[base] : returnsCatalogs.ru;
}
