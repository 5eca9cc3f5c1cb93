import { describe, expect, it } from 'vitest';
import { computersCatalogs } from './computers-catalogs.js';
import { joinAccountsCatalogs, joinAccountsTexts } from './join-accounts-catalogs.js';

/** Every text of a catalog with its path, in order, however deep. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => texts(inner, path === '' ? key : `${path}.${key}`));
}

const places = (text: string): string[] => [...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1] ?? '').sort();

describe('the console join texts', () => {
  it('are whole in kk and ru, with the same places to fill as English, and translated (no English left)', () => {
    const english = new Map(texts(joinAccountsCatalogs.en));
    for (const language of ['kk', 'ru'] as const) {
      const shown = texts(joinAccountsCatalogs[language]);
      expect(shown.map(([path]) => path), language).toEqual([...english.keys()]);
      for (const [path, text] of shown) {
        expect(text.trim(), `${language} ${path}`).not.toBe('');
        expect(places(text), `${language} ${path}`).toEqual(places(english.get(path) ?? ''));
        expect(text.replace(/\{\{\w+\}\}|PIN/g, ''), `${language} ${path}`).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
    expect(joinAccountsTexts('kk-KZ')).toBe(joinAccountsCatalogs.kk);
    expect(joinAccountsTexts('de')).toBe(joinAccountsCatalogs.ru);
  });

  it('say the sentence of docs/peers.md §9 with the computer joined, and ask the PIN in the page’s own words', () => {
    expect(joinAccountsCatalogs.en.signInThere.replace('{{sponsor}}', 'Door 1')).toBe('Staff sign in here with the PIN they use at Door 1.');
    for (const language of ['kk', 'ru', 'en'] as const) {
      expect(joinAccountsCatalogs[language].pin, language).toBe(computersCatalogs[language].pin);
      for (const key of ['signInThere', 'intro', 'waiting', 'sameName', 'ownGone'] as const) expect(joinAccountsCatalogs[language][key], `${language} ${key}`).toContain('{{sponsor}}');
    }
  });
});
