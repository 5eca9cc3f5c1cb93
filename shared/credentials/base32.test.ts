import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from './base32.js';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('base32', () => {
  it('matches the RFC 4648 test vectors, without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase32(ascii(plain))).toBe(encoded);
      expect(decodeBase32(encoded)).toEqual(ascii(plain));
    }
  });

  it('round-trips any bytes, using only A–Z and 2–7', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase32(bytes);
        expect(text).toMatch(/^[A-Z2-7]*$/);
        expect(decodeBase32(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses other characters, padding, impossible lengths and non-zero spare bits', () => {
    expect(decodeBase32('MZXW6YTBOI======')).toBeNull();
    expect(decodeBase32('mzxw6')).toBeNull(); // case folding is the QR text's business, not this codec's
    expect(decodeBase32('MZXW1')).toBeNull();
    expect(decodeBase32('M')).toBeNull();
    expect(decodeBase32('MZX')).toBeNull();
    expect(decodeBase32('MY')).toEqual(ascii('f'));
    expect(decodeBase32('MZ')).toBeNull(); // the same byte, but the two spare bits are not zero
  });

  it('gives each byte string exactly one text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), maxLength: 60 }), (text) => {
        const bytes = decodeBase32(text);
        if (bytes) expect(encodeBase32(bytes)).toBe(text);
      }),
    );
  });
});
