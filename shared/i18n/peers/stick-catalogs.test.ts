import { describe, expect, it } from 'vitest';
import { PEER_CLOSE } from '../../peers/peer-protocol.js';
import { PEER_REFUSAL_REASONS, type StickTexts } from './stick-en.js';
import { stickCatalogs, stickTexts } from './stick-catalogs.js';

/** Every plain text of a catalog with its path (the functions are checked by what they answer, below). */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => texts(inner, path === '' ? key : `${path}.${key}`));
}

/** What each function says for a few counts, 1, 2, 5, 11, 21, 22: where the endings differ. */
function sayings(x: StickTexts): string[] {
  return [1, 2, 5, 11, 21, 22].flatMap((n) => [
    x.written('esik-Door-2-20261204-0930.esikpeer', n, n),
    x.sending(n),
    x.taken(n, 0),
    x.taken(n, n),
    x.relayDone('Door 2', n),
    x.relayDone('Door 2', 0),
    x.refusalTimes(n),
  ]);
}

describe('the stick panel and refusal texts', () => {
  it('are whole in kk and ru, with the same keys as English, and translated (no English left)', () => {
    const english = texts(stickCatalogs.en).map(([path]) => path);
    expect(english).toContain(`reasons.${PEER_REFUSAL_REASONS[0]}`);
    for (const language of ['kk', 'ru'] as const) {
      const shown = texts(stickCatalogs[language]);
      expect(shown.map(([path]) => path), language).toEqual(english);
      const all = [...shown.map(([, text]) => text), ...sayings(stickCatalogs[language])];
      for (const text of all) {
        expect(text.trim(), language).not.toBe('');
        // Only the file's name, the computer's name in the sample, and Esik may be Latin.
        expect(text.replace(/esik-[^ ]*esikpeer|esik-….esikpeer|Door 2|Esik/g, ''), `${language}: ${text}`).not.toMatch(/[A-Za-z]{3,}/);
      }
    }
    expect(stickTexts('kk-KZ')).toBe(stickCatalogs.kk);
    expect(stickTexts('de')).toBe(stickCatalogs.ru);
  });

  it('give Russian counts their endings', () => {
    const ru = stickCatalogs.ru;
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => ru.written('esik-a.esikpeer', n, 1).split(': ')[1]?.split(' для')[0])).toEqual([
      '1 запись', '2 записи', '5 записей', '11 записей', '21 запись', '22 записи', '112 записей',
    ]);
    expect([1, 2, 5, 12, 23].map((n) => ru.refusalTimes(n))).toEqual(['один раз', '2 раза', '5 раз', '12 раз', '23 раза']);
    expect(stickCatalogs.en.taken(1, 0)).toBe('1 record taken in.');
  });

  it('word every reason the link writes, each its own, in every language', () => {
    // A refused handshake is audited under its close code's name (handshake.ts), a page under record-verify.ts's codes.
    for (const reason of [...Object.keys(PEER_CLOSE), 'PEER_BAD_RECORD', 'PEER_FORK']) expect(PEER_REFUSAL_REASONS).toContain(reason);
    for (const language of ['kk', 'ru', 'en'] as const) {
      const words = PEER_REFUSAL_REASONS.map((r) => stickCatalogs[language].reasons[r]);
      expect(new Set(words).size, language).toBe(PEER_REFUSAL_REASONS.length);
      expect(words, language).not.toContain(stickCatalogs[language].reasonOther);
    }
  });
});
