// The "This computer" page's texts in each language (see kiosk-shell-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { kioskShellEn, type KioskShellTexts } from './kiosk-shell-en.js';
import { kioskShellKk } from './kiosk-shell-kk.js';
import { kioskShellRu } from './kiosk-shell-ru.js';

export const kioskShellCatalogs: Record<Language, KioskShellTexts> = { kk: kioskShellKk, ru: kioskShellRu, en: kioskShellEn };

/** The page's texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function kioskShellTexts(language: string): KioskShellTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? kioskShellCatalogs[base] : kioskShellCatalogs.ru;
}
