// The kiosk rules' texts in each language (see rules-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { rulesEn, type RulesTexts } from './rules-en.js';
import { rulesKk } from './rules-kk.js';
import { rulesRu } from './rules-ru.js';

export const rulesCatalogs: Record<Language, RulesTexts> = { kk: rulesKk, ru: rulesRu, en: rulesEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function rulesTexts(language: string): RulesTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? rulesCatalogs[base] : rulesCatalogs.ru;
}
