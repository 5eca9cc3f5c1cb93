// The "Never come" page's texts in each language (see never-come-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { neverComeEn, type NeverComeTexts } from './never-come-en.js';
import { neverComeKk } from './never-come-kk.js';
import { neverComeRu } from './never-come-ru.js';

export const neverComeCatalogs: Record<Language, NeverComeTexts> = { kk: neverComeKk, ru: neverComeRu, en: neverComeEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function neverComeTexts(language: string): NeverComeTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? neverComeCatalogs[base] : neverComeCatalogs.ru;
}
