// An i18next instance of its own for a component test: one language's real catalog, set up as the kiosk sets its
// own (renderer/src/i18n/i18n.ts), the Kazakh case formatters included.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../../shared/domain/attendance.js';
import { catalogs } from '../../../../shared/i18n/catalogs.js';
import { addKazakhCaseFormatters } from '../kazakh-formatters.js';

export function i18nFor(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { [language]: { translation: catalogs[language] } },
    lng: language,
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  addKazakhCaseFormatters(instance);
  return instance;
}
