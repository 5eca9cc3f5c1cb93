// The Updates page's texts in each language (see updates-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { updatesEn, type UpdatesTexts } from './updates-en.js';
import { updatesKk } from './updates-kk.js';
import { updatesRu } from './updates-ru.js';

export const updatesCatalogs: Record<Language, UpdatesTexts> = { kk: updatesKk, ru: updatesRu, en: updatesEn };

/** The page's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function updatesTexts(language: string): UpdatesTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? updatesCatalogs[base] : updatesCatalogs.ru;
}
