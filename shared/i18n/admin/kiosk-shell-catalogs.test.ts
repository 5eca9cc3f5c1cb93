// The "This computer" page's words in kk, ru and en: the same keys and {{places}} everywhere, Kazakh written with its
// own letters, and the demo's enrollment refusal naming the page and the button exactly as they are labelled.
import { describe, expect, it } from 'vitest';
import { LanguageSchema } from '../../domain/attendance.js';
import { catalogs } from '../catalogs.js';
import { kioskShellCatalogs } from './kiosk-shell-catalogs.js';

// A Kazakh place may name the case its value takes ("{{until, dative}}"): the name is what must match.
const places = (text: string) => [...text.matchAll(/\{\{(\w+)(?:,\s*\w+)?\}\}/g)].map((m) => m[1]).sort();

describe('the This computer page’s catalogs', () => {
  it('fill every text with the same places in each language', () => {
    const en = kioskShellCatalogs.en;
    for (const language of LanguageSchema.options) {
      const texts = kioskShellCatalogs[language];
      expect(Object.keys(texts).sort(), language).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(texts)) {
        expect(text.trim(), `${language}.${key}`).not.toBe('');
        expect(places(text), `${language}.${key}`).toEqual(places(en[key as keyof typeof en]));
      }
    }
  });

  it('write Kazakh with Kazakh letters, never a Latin look-alike inside a Cyrillic word', () => {
    const mixed = /[а-яёәғқңөұүһі]+[a-z]+[а-яёәғқңөұүһі]*|[a-z]+[а-яёәғқңөұүһі]+/giu;
    for (const [key, text] of Object.entries(kioskShellCatalogs.kk)) expect(text.match(mixed), `kk.${key}`).toBeNull();
  });

  it('name the page and the button in the demo’s enrollment refusal as they are labelled', () => {
    const quoted = { kk: (s: string) => `«${s}»`, ru: (s: string) => `«${s}»`, en: (s: string) => `"${s}"` };
    for (const language of LanguageSchema.options) {
      const refusal = catalogs[language].errors.ENROLL_DEMO;
      expect(refusal, language).toContain(quoted[language](kioskShellCatalogs[language].tab));
      expect(refusal, language).toContain(quoted[language](kioskShellCatalogs[language].startAfreshTitle));
    }
  });
});
