// i18next over the shared catalogs (kk, ru, en); the language itself is the core's setting, applied here.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/attendance.js';
import { catalogs, type Catalog } from '../../../shared/i18n/catalogs.js';
import { addKazakhCaseFormatters } from './kazakh-formatters.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Typed keys: t() accepts only keys the catalogs have.
    resources: { translation: Catalog };
  }
}

/** Kazakh first: the state language, and the kiosk's default until the core says otherwise. */
const FIRST_LANGUAGE: Language = 'kk';

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      kk: { translation: catalogs.kk },
      ru: { translation: catalogs.ru },
      en: { translation: catalogs.en },
    },
    lng: FIRST_LANGUAGE,
    fallbackLng: 'ru',
    // Everything is in memory: initialise synchronously so the first render already has its texts.
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
    // A kiosk's console is for its own problems.
    showSupportNotice: false,
  });
  addKazakhCaseFormatters(i18next);
  document.documentElement.lang = FIRST_LANGUAGE;
  return i18next;
}

/** Switches the texts at once (the catalogs are in memory) and tells the browser, for fonts and screen readers. */
export function applyLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
