// The leaving question's answers in each language (see leaving-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { leavingEn, type LeavingTexts } from './leaving-en.js';
import { leavingKk } from './leaving-kk.js';
import { leavingRu } from './leaving-ru.js';

export const leavingCatalogs: Record<Language, LeavingTexts> = { kk: leavingKk, ru: leavingRu, en: leavingEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function leavingTexts(language: string): LeavingTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? leavingCatalogs[base] : leavingCatalogs.ru;
}
