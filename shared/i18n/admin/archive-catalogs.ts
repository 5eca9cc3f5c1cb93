// The Archive page's texts in each language (see archive-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { archiveEn, type ArchiveTexts } from './archive-en.js';
import { archiveKk } from './archive-kk.js';
import { archiveRu } from './archive-ru.js';

export const archiveCatalogs: Record<Language, ArchiveTexts> = { kk: archiveKk, ru: archiveRu, en: archiveEn };

/** The page's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function archiveTexts(language: string): ArchiveTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? archiveCatalogs[base] : archiveCatalogs.ru;
}
