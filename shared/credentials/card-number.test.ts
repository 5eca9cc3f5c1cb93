import { describe, expect, it } from 'vitest';
import { normalizeCardNumber, readingText } from './card-number.js';
import type { ReaderFormat } from './reader-format.js';

// The cards of docs/card-numbers.md. EM card A: 40-bit ID 1F 00 67 31 58, printed "0006762840 103,12632".
// EM card B: same low 24 bits, top byte 0x8E. Mifare: 4-byte UID 04 A2 1B 7C and 7-byte UID 04 52 7A C2 3E 5D 80.
const canonicalOf = (raw: string, format?: ReaderFormat) => normalizeCardNumber(raw, format)?.canonical;

describe('normalizeCardNumber with a configured reader format', () => {
  it('reads EM card A the same through every EM format', () => {
    expect(canonicalOf('0006762840\r\n', 'em-decimal')).toBe('6762840');
    expect(canonicalOf('133150749016', 'em-decimal')).toBe('6762840'); // the 40-bit ID in decimal
    expect(canonicalOf('103,12632', 'em-w26')).toBe('6762840');
    expect(canonicalOf('10312632', 'em-w26')).toBe('6762840');
    expect(canonicalOf('00673158', 'em-hex')).toBe('6762840');
    expect(canonicalOf('1F00673158', 'em-hex')).toBe('6762840');
  });

  it('reads the 4-byte Mifare UID the same through every Mifare format', () => {
    expect(canonicalOf('04A21B7C', 'mifare-hex')).toBe('04:A2:1B:7C');
    expect(canonicalOf('04 a2 1b 7c', 'mifare-hex')).toBe('04:A2:1B:7C');
    expect(canonicalOf('7C1BA204', 'mifare-hex-reversed')).toBe('04:A2:1B:7C');
    expect(canonicalOf('0077732732', 'mifare-decimal')).toBe('04:A2:1B:7C');
    expect(canonicalOf('2082185732\t', 'mifare-decimal-reversed')).toBe('04:A2:1B:7C');
  });

  it('reads 7-byte UIDs in either byte order', () => {
    expect(canonicalOf('04527AC23E5D80', 'mifare-hex')).toBe('04:52:7A:C2:3E:5D:80');
    expect(canonicalOf('805D3EC27A5204', 'mifare-hex-reversed')).toBe('04:52:7A:C2:3E:5D:80');
    expect(canonicalOf('1216587105197440', 'mifare-decimal')).toBe('04:52:7A:C2:3E:5D:80');
    expect(canonicalOf('36131321151115780', 'mifare-decimal-reversed')).toBe('04:52:7A:C2:3E:5D:80');
  });

  it('marks a W26 reading partial and lists the 255 cards it may also be, card B among them', () => {
    const card = normalizeCardNumber('103,12632', 'em-w26');
    expect(card).toMatchObject({ kind: 'em', canonical: '6762840', partial: true });
    expect(card?.alternatives).toHaveLength(255);
    expect(card?.alternatives).toContain('2389127512');
    expect(card?.alternatives.every((v) => Number(v) % 2 ** 24 === 6762840)).toBe(true);
  });

  it('gives no alternatives for a full reading from a configured reader', () => {
    expect(normalizeCardNumber('2389127512', 'em-decimal')).toEqual({ kind: 'em', canonical: '2389127512', partial: false, alternatives: [] });
  });

  it('refuses what the configured format cannot hold', () => {
    expect(canonicalOf('256,1', 'em-w26')).toBeUndefined();
    expect(canonicalOf('103,65536', 'em-w26')).toBeUndefined();
    expect(canonicalOf('1099511627776', 'em-decimal')).toBeUndefined(); // 2^40: more than an EM ID
    expect(canonicalOf('04A21B', 'mifare-hex')).toBeUndefined(); // 3 bytes
    expect(canonicalOf('04A21B7C00', 'mifare-hex')).toBeUndefined(); // 5 bytes is EM, not Mifare
    expect(canonicalOf('00000000', 'mifare-hex')).toBeUndefined();
    expect(canonicalOf('04A21B7C', 'em-decimal')).toBeUndefined();
    expect(canonicalOf('0000000000', 'em-decimal')).toBeUndefined();
  });
});

describe('normalizeCardNumber for an unconfigured (auto) reader', () => {
  it('drops leading zeros and reader suffixes from EM-Marine decimal numbers', () => {
    expect(normalizeCardNumber('0004512345\r\n')).toMatchObject({ kind: 'em', canonical: '4512345', partial: false });
    expect(normalizeCardNumber('4512345\t')).toMatchObject({ kind: 'em', canonical: '4512345' });
  });

  it('folds a W26 facility,number reading to its 24-bit value', () => {
    expect(normalizeCardNumber('103,12632')).toMatchObject({ kind: 'em', canonical: String(103 * 65536 + 12632), partial: true });
    expect(normalizeCardNumber('256,1')).toBeNull();
  });

  it('takes hex as a UID in card order and keeps the reversed order as an alternative', () => {
    expect(normalizeCardNumber('04:a2:1b:7c')).toMatchObject({ kind: 'uid', canonical: '04:A2:1B:7C' });
    expect(normalizeCardNumber('7C1BA204')?.alternatives).toContain('04:A2:1B:7C');
  });

  it('keeps the Mifare readings of a decimal as alternatives, so a decimal-typing Mifare reader still matches', () => {
    const card = normalizeCardNumber('2082185732');
    expect(card).toMatchObject({ kind: 'em', canonical: '2082185732' });
    expect(card?.alternatives).toContain('04:A2:1B:7C');
  });

  it('takes an all-digit 8-character reading as a decimal but keeps its hex UID reading as an alternative', () => {
    const card = normalizeCardNumber('12345678');
    expect(card?.canonical).toBe('12345678');
    expect(card?.alternatives).toContain('12:34:56:78');
    expect(card?.alternatives).toContain('78:56:34:12');
  });

  it('refuses empty, all-zero and garbage input', () => {
    expect(normalizeCardNumber('')).toBeNull();
    expect(normalizeCardNumber('\r\n')).toBeNull();
    expect(normalizeCardNumber('0000000000')).toBeNull();
    expect(normalizeCardNumber('hello')).toBeNull();
    expect(normalizeCardNumber('1'.repeat(40))).toBeNull();
    expect(normalizeCardNumber('unreadable:12345')).toBeNull();
  });
});

describe('readingText', () => {
  it('writes a W26 reading back as facility,number so its alternatives survive the trip', () => {
    const card = normalizeCardNumber('103,12632', 'em-w26');
    if (!card) throw new Error('expected a card');
    expect(readingText(card)).toBe('103,12632');
    expect(normalizeCardNumber(readingText(card), 'canonical')).toEqual(card);
  });

  it('is the only notation the canonical reading takes: no leading zeros, no reader formats, no guesses', () => {
    expect(normalizeCardNumber('6762840', 'canonical')).toEqual({ kind: 'em', canonical: '6762840', partial: false, alternatives: [] });
    expect(normalizeCardNumber('04:A2:1B:7C', 'canonical')).toEqual({ kind: 'uid', canonical: '04:A2:1B:7C', partial: false, alternatives: [] });
    expect(normalizeCardNumber('0006762840', 'canonical')).toBeNull();
    expect(normalizeCardNumber('04A21B7C', 'canonical')).toBeNull();
    expect(normalizeCardNumber('4294967296', 'canonical')).toBeNull();
    expect(normalizeCardNumber('unreadable:6762840', 'canonical')).toBeNull();
  });

  it('writes a full reading as its canonical value', () => {
    expect(readingText({ canonical: '04:A2:1B:7C', partial: false })).toBe('04:A2:1B:7C');
  });
});
