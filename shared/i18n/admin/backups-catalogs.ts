// The Backups page's texts in each language (see backups-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { backupsEn, type BackupsTexts } from './backups-en.js';
import { backupsKk } from './backups-kk.js';
import { backupsRu } from './backups-ru.js';

// Where the sub-catalogs' pages have always taken it from.
export { fillText } from '../fill-text.js';

export const backupsCatalogs: Record<Language, BackupsTexts> = { kk: backupsKk, ru: backupsRu, en: backupsEn };

/** The page's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function backupsTexts(language: string): BackupsTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? backupsCatalogs[base] : backupsCatalogs.ru;
}
