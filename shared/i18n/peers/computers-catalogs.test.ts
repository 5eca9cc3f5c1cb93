import { describe, expect, it } from 'vitest';
import { peerErrors } from './peer-errors-catalogs.js';
import { computersCatalogs, computersTexts } from './computers-catalogs.js';

/** Every text of a catalog with its path, in order, however deep. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => texts(inner, path === '' ? key : `${path}.${key}`));
}

const places = (text: string): string[] => [...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1] ?? '').sort();

describe('the Computers texts', () => {
  it('are whole in kk and ru, with the same places to fill as English, and translated (no English left)', () => {
    const english = new Map(texts(computersCatalogs.en));
    for (const language of ['kk', 'ru'] as const) {
      const shown = texts(computersCatalogs[language]);
      expect(shown.map(([path]) => path), language).toEqual([...english.keys()]);
      for (const [path, text] of shown) {
        expect(text.trim(), `${language} ${path}`).not.toBe('');
        expect(places(text), `${language} ${path}`).toEqual(places(english.get(path) ?? ''));
        // Only the places to fill, the names that stay as they are (PIN, QR, IT, Esik) and the example code may be Latin.
        expect(text.replace(/\{\{\w+\}\}|PIN|QR|IT|Esik|7KQ4-M2XD-9RTB/g, ''), `${language} ${path}`).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
    expect(computersTexts('kk-KZ')).toBe(computersCatalogs.kk);
    expect(computersTexts('de')).toBe(computersCatalogs.ru);
  });

  it('name the page and its button as the refusals do ("Add a computer")', () => {
    for (const language of ['kk', 'ru', 'en'] as const) {
      expect(peerErrors[language].PAIR_CODE_EXPIRED, language).toContain(computersCatalogs[language].add);
    }
    expect([computersCatalogs.kk.tab, computersCatalogs.ru.tab, computersCatalogs.en.tab]).toEqual(['Компьютерлер', 'Компьютеры', 'Computers']);
  });

  it('tell a computer refused for records of its own why, not that it belongs to a kindergarten already', () => {
    // The join is refused for a group, for staff PINs or for check-ins made here (pairing-join.ts joinRefusal): the
    // words name all three and say that only a newly installed computer joins.
    const says = { en: [/PIN/, /check-ins/, /new/], ru: [/PIN/, /отметки/, /нов/], kk: [/PIN/, /белгілер/, /жаңа/] } as const;
    for (const language of ['en', 'ru', 'kk'] as const) {
      for (const pattern of says[language]) expect(peerErrors[language].PEER_ALREADY_IN_GROUP, language).toMatch(pattern);
    }
  });
});
