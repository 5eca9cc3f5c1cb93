// The Computers page's and the join step's texts in each language (see computers-en.ts for why they are apart).
import type { Language } from '../../domain/attendance.js';
import { computersEn, type ComputersTexts } from './computers-en.js';
import { computersKk } from './computers-kk.js';
import { computersRu } from './computers-ru.js';

export const computersCatalogs: Record<Language, ComputersTexts> = { kk: computersKk, ru: computersRu, en: computersEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function computersTexts(language: string): ComputersTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? computersCatalogs[base] : computersCatalogs.ru;
}
