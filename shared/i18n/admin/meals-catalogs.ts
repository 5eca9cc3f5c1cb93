// The meal invoices' texts in each language (see meals-en.ts for why they are apart from the main catalogs).
import type { Language } from '../../domain/attendance.js';
import { mealsEn, type MealsTexts } from './meals-en.js';
import { mealsKk } from './meals-kk.js';
import { mealsRu } from './meals-ru.js';

export const mealsCatalogs: Record<Language, MealsTexts> = { kk: mealsKk, ru: mealsRu, en: mealsEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for any other. */
export function mealsTexts(language: string): MealsTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? mealsCatalogs[base] : mealsCatalogs.ru;
}
