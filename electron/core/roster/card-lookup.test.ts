import { describe, expect, it } from 'vitest';
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import { findCardCredential } from './card-lookup.js';
import type { CredentialRow } from './roster-store.js';

/** A roster holding these rfid values, each as its own credential. */
function rosterOf(...values: string[]) {
  const rows = new Map(values.map((value, i) => [value, { id: `cr${i}`, companion_id: `co${i}`, version: 1, revoked_at: null } satisfies CredentialRow]));
  return { credential: (kind: 'rfid' | 'qr', value: string) => (kind === 'rfid' ? rows.get(value) : undefined) };
}

const read = (raw: string, format: ReaderFormat = 'auto') => {
  const card = normalizeCardNumber(raw, format);
  if (!card) throw new Error(`unreadable test reading ${raw}`);
  return card;
};

describe('findCardCredential', () => {
  it('matches a full reading by its canonical value first, even when one of its guesses is enrolled too', () => {
    expect(findCardCredential(rosterOf('2082185732', '04:A2:1B:7C'), read('2082185732'))).toMatchObject({ kind: 'found', value: '2082185732' });
  });

  it('does not prefer the 24-bit value of a W26 reading: another enrolled card with those low bits makes it ambiguous', () => {
    expect(findCardCredential(rosterOf('6762840', '2389127512'), read('103,12632'))).toEqual({ kind: 'ambiguous', values: ['6762840', '2389127512'] });
    expect(findCardCredential(rosterOf('6762840'), read('103,12632'))).toMatchObject({ kind: 'found', value: '6762840' });
  });

  it('finds a card enrolled by its 10-digit number through a W26 reader', () => {
    expect(findCardCredential(rosterOf('2389127512'), read('103,12632', 'em-w26'))).toMatchObject({ kind: 'found', value: '2389127512', credential: { id: 'cr0' } });
  });

  it('refuses a W26 reading two enrolled cards fit, rather than pick one', () => {
    expect(findCardCredential(rosterOf('2389127512', String(2389127512 - 2 ** 24)), read('103,12632'))).toEqual({
      kind: 'ambiguous',
      values: [String(2389127512 - 2 ** 24), '2389127512'],
    });
  });

  it('finds a hex-enrolled Mifare card through an unconfigured reader typing the reversed decimal', () => {
    expect(findCardCredential(rosterOf('04:A2:1B:7C'), read('2082185732'))).toMatchObject({ kind: 'found', value: '04:A2:1B:7C' });
  });

  it('does not guess for a configured reader: a full reading matches only itself', () => {
    expect(findCardCredential(rosterOf('04:A2:1B:7C'), read('2082185732', 'em-decimal'))).toEqual({ kind: 'unknown' });
    expect(findCardCredential(rosterOf('6762840'), read('2389127512', 'em-decimal'))).toEqual({ kind: 'unknown' });
  });
});
