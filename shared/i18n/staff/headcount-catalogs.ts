// The nurse's headcount texts in each language (see headcount-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { headcountEn, type HeadcountTexts } from './headcount-en.js';
import { headcountKk } from './headcount-kk.js';
import { headcountRu } from './headcount-ru.js';

export const headcountCatalogs: Record<Language, HeadcountTexts> = { kk: headcountKk, ru: headcountRu, en: headcountEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function headcountTexts(language: string): HeadcountTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? headcountCatalogs[base] : headcountCatalogs.ru;
}
