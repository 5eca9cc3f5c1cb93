// The texts of a day the kiosk was down in each language (see paper-day-en.ts for why they are apart).
import type { Language } from '../../domain/attendance.js';
import { paperDayEn, type PaperDayTexts } from './paper-day-en.js';
import { paperDayKk } from './paper-day-kk.js';
import { paperDayRu } from './paper-day-ru.js';

export const paperDayCatalogs: Record<Language, PaperDayTexts> = { kk: paperDayKk, ru: paperDayRu, en: paperDayEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function paperDayTexts(language: string): PaperDayTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? paperDayCatalogs[base] : paperDayCatalogs.ru;
}
