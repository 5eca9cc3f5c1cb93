// The console's own words in kk, ru and en: the same keys and {{places}} everywhere, Kazakh written with its own letters.
import { describe, expect, it } from 'vitest';
import { LanguageSchema } from '../../domain/attendance.js';
import { consoleCatalogs, consoleTexts } from './console-catalogs.js';

const places = (text: string) => [...text.matchAll(/\{\{(\w+)(?:,\s*\w+)?\}\}/g)].map((m) => m[1]).sort();

describe("the console's catalogs", () => {
  it('fill every text with the same places in each language', () => {
    const en = consoleCatalogs.en;
    for (const language of LanguageSchema.options) {
      const texts = consoleCatalogs[language];
      expect(Object.keys(texts).sort(), language).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(texts)) {
        expect(text.trim(), `${language}.${key}`).not.toBe('');
        expect(places(text), `${language}.${key}`).toEqual(places(en[key as keyof typeof en]));
      }
    }
  });

  it('write Kazakh with Kazakh letters, never a Latin look-alike inside a Cyrillic word', () => {
    const mixed = /[а-яёәғқңөұүһі]+[a-z]+[а-яёәғқңөұүһі]*|[a-z]+[а-яёәғқңөұүһі]+/giu;
    for (const [key, text] of Object.entries(consoleCatalogs.kk)) expect(text.match(mixed), `kk.${key}`).toBeNull();
  });

  it('never show a file path in the export messages: only the file’s and the folder’s names', () => {
    for (const language of LanguageSchema.options) {
      const x = consoleTexts(language);
      for (const text of [x.exportDownloaded, x.exportDownloadFailed, x.exportSavedIn, x.exportKept]) expect(text, language).not.toContain('{{path}}');
    }
  });
});
