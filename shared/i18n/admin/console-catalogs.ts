// The admin console’s own texts in each language (see console-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { consoleEn, type ConsoleTexts } from './console-en.js';
import { consoleKk } from './console-kk.js';
import { consoleRu } from './console-ru.js';

export const consoleCatalogs: Record<Language, ConsoleTexts> = { kk: consoleKk, ru: consoleRu, en: consoleEn };

/** The console's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function consoleTexts(language: string): ConsoleTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? consoleCatalogs[base] : consoleCatalogs.ru;
}
