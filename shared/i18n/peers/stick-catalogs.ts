// The USB stick panel's and the refused connections' texts in each language (see stick-en.ts for why they are apart).
import type { Language } from '../../domain/attendance.js';
import { stickEn, type StickTexts } from './stick-en.js';
import { stickKk } from './stick-kk.js';
import { stickRu } from './stick-ru.js';

export const stickCatalogs: Record<Language, StickTexts> = { kk: stickKk, ru: stickRu, en: stickEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function stickTexts(language: string): StickTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? stickCatalogs[base] : stickCatalogs.ru;
}
