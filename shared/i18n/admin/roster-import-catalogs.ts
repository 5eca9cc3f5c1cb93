// The roster spreadsheet panel's texts in each language (see roster-import-en.ts for why they are apart).
import type { Language } from '../../domain/attendance.js';
import { rosterImportEn, type RosterImportTexts } from './roster-import-en.js';
import { rosterImportKk } from './roster-import-kk.js';
import { rosterImportRu } from './roster-import-ru.js';

export const rosterImportCatalogs: Record<Language, RosterImportTexts> = { kk: rosterImportKk, ru: rosterImportRu, en: rosterImportEn };

/** The panel's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function rosterImportTexts(language: string): RosterImportTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? rosterImportCatalogs[base] : rosterImportCatalogs.ru;
}
