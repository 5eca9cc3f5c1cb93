// The console's join texts in each language (see join-accounts-en.ts for why they are apart).
import type { Language } from '../../domain/attendance.js';
import { joinAccountsEn, type JoinAccountsTexts } from './join-accounts-en.js';
import { joinAccountsKk } from './join-accounts-kk.js';
import { joinAccountsRu } from './join-accounts-ru.js';

export const joinAccountsCatalogs: Record<Language, JoinAccountsTexts> = { kk: joinAccountsKk, ru: joinAccountsRu, en: joinAccountsEn };

/** The texts for a language i18next names ("kk", "ru-RU"…); Russian, the app's fallback, for every other. */
export function joinAccountsTexts(language: string): JoinAccountsTexts {
  const base = language.slice(0, 2);
  return base === 'kk' || base === 'en' || base === 'ru' ? joinAccountsCatalogs[base] : joinAccountsCatalogs.ru;
}
