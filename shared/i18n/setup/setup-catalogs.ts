// The first-run setup's texts in each language (see setup-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { setupEn, type SetupTexts } from './setup-en.js';
import { setupKk } from './setup-kk.js';
import { setupRu } from './setup-ru.js';

export const setupCatalogs: Record<Language, SetupTexts> = { kk: setupKk, ru: setupRu, en: setupEn };

/** The setup's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function setupTexts(language: string): SetupTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? setupCatalogs[base] : setupCatalogs.ru;
}

/** Puts values into a text's {placeholders}. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
