// The staff alerts' texts in each language (see alerts-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { staffAlertsEn, type StaffAlertTexts } from './alerts-en.js';
import { staffAlertsKk } from './alerts-kk.js';
import { staffAlertsRu } from './alerts-ru.js';

export const staffAlertCatalogs: Record<Language, StaffAlertTexts> = { kk: staffAlertsKk, ru: staffAlertsRu, en: staffAlertsEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function staffAlertTexts(language: string): StaffAlertTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? staffAlertCatalogs[base] : staffAlertCatalogs.ru;
}
