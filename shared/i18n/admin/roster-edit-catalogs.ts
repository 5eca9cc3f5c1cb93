// The Roster page's texts in each language (see roster-edit-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { rosterEditEn, type RosterEditTexts } from './roster-edit-en.js';
import { rosterEditKk } from './roster-edit-kk.js';
import { rosterEditRu } from './roster-edit-ru.js';

export const rosterEditCatalogs: Record<Language, RosterEditTexts> = { kk: rosterEditKk, ru: rosterEditRu, en: rosterEditEn };

/** The page's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function rosterEditTexts(language: string): RosterEditTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? rosterEditCatalogs[base] : rosterEditCatalogs.ru;
}
