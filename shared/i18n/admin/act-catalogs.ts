// The monthly act's texts in each language (see act-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { actEn, type ActTexts } from './act-en.js';
import { actKk } from './act-kk.js';
import { actRu } from './act-ru.js';

export const actCatalogs: Record<Language, ActTexts> = { kk: actKk, ru: actRu, en: actEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function actTexts(language: string): ActTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? actCatalogs[base] : actCatalogs.ru;
}
