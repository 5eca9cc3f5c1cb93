import { describe, expect, it } from 'vitest';
import { normalizeCardNumber } from './card-number.js';

describe('normalizeCardNumber', () => {
  it('drops leading zeros and reader suffixes from EM-Marine decimal numbers', () => {
    expect(normalizeCardNumber('0004512345\r\n')).toEqual({ kind: 'decimal', canonical: '4512345' });
    expect(normalizeCardNumber('4512345\t')).toEqual({ kind: 'decimal', canonical: '4512345' });
  });

  it('folds a W26 facility,number reading to its 24-bit value', () => {
    expect(normalizeCardNumber('103,12632')).toEqual({ kind: 'decimal', canonical: String(103 * 65536 + 12632) });
    expect(normalizeCardNumber('256,1')).toBeNull();
  });

  it('upper-cases hex UIDs and strips separators', () => {
    expect(normalizeCardNumber('04:a2:1b:7c')).toEqual({ kind: 'hex', canonical: '04A21B7C' });
  });

  it('refuses empty, all-zero and garbage input', () => {
    expect(normalizeCardNumber('')).toBeNull();
    expect(normalizeCardNumber('0000000000')).toBeNull();
    expect(normalizeCardNumber('hello')).toBeNull();
    expect(normalizeCardNumber('1'.repeat(40))).toBeNull();
  });
});
