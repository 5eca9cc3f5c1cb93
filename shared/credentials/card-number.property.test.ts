import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCardNumber } from './card-number-display.js';
import { normalizeCardNumber, readingText } from './card-number.js';
import { ReaderFormatSchema, type ReaderFormat } from './reader-format.js';

const formats = ReaderFormatSchema.options;
const explicitFormats = ReaderFormatSchema.exclude(['auto']).options;
/** A format a reader shows a number in (every one but 'auto'). */
type Shown = Exclude<ReaderFormat, 'auto'>;
const suffixes = ['', '\r', '\n', '\r\n', '\t', ' ', '\r\n\r\n'];

/** An EM-Marine 32-bit card number. */
const emNumber = fc.integer({ min: 1, max: 2 ** 32 - 1 });
const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
/**
 * A UID as cards have them: 4, 7 or 10 bytes, not all zero. A 7- or 10-byte UID printed as one decimal
 * is told apart from a shorter one by its value, so its three most significant bytes (at either end) are
 * not all zero; real UIDs start with a manufacturer byte, so this only rules out the impossible.
 */
const uid = fc
  .constantFrom(4, 7, 10)
  .chain((length) => fc.array(fc.integer({ min: 0, max: 255 }), { minLength: length, maxLength: length }))
  .filter((bytes) => bytes.some((b) => b !== 0))
  .filter((bytes) => bytes.length === 4 || (bytes.slice(0, 3).some((b) => b !== 0) && bytes.slice(-3).some((b) => b !== 0)));

const CANONICAL = /^(?:[1-9]\d{0,9}|[0-9A-F]{2}(?::[0-9A-F]{2}){3}(?:(?::[0-9A-F]{2}){3}){0,2})$/;

describe('normalizeCardNumber properties', () => {
  it('never throws on any text in any format, and returns only canonical values', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.stringMatching(/^[0-9a-fA-F:,. \-\r\n\t]{0,40}$/),
      fc.stringMatching(/^\d{1,30}$/),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...formats, 'canonical' as const), (raw, format) => {
        const card = normalizeCardNumber(raw, format);
        if (card === null) return;
        expect(card.canonical).toMatch(CANONICAL);
        for (const value of card.alternatives) expect(value).toMatch(CANONICAL);
        expect(card.alternatives).not.toContain(card.canonical);
        if (card.kind === 'em') expect(Number(card.canonical)).toBeLessThan(2 ** 32);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back every EM number a reader of each EM format shows (W26: when it fits in 24 bits, else among the alternatives)', () => {
    fc.assert(
      fc.property(emNumber, fc.constantFrom<Shown>('em-decimal', 'em-hex', 'em-w26'), (value, format) => {
        const shown = formatCardNumber(String(value), format);
        const card = normalizeCardNumber(shown, format);
        if (format === 'em-w26' && value >= 2 ** 24) {
          expect(card?.canonical).toBe(String(value % 2 ** 24));
          expect(card?.alternatives).toContain(String(value));
        } else {
          expect(card?.canonical).toBe(String(value));
        }
      }),
    );
  });

  it('reads back every UID a reader of each Mifare format shows', () => {
    fc.assert(
      fc.property(uid, fc.constantFrom<Shown>('mifare-hex', 'mifare-hex-reversed', 'mifare-decimal', 'mifare-decimal-reversed'), (bytes, format) => {
        expect(normalizeCardNumber(formatCardNumber(hex(bytes), format), format)?.canonical).toBe(hex(bytes));
      }),
    );
  });

  it('finds the card from any reader format even when the reader is not configured (auto: canonical or an alternative)', () => {
    const shownCard = fc.oneof(
      emNumber.chain((value) => fc.constantFrom<Shown>('em-decimal', 'em-hex', 'em-w26').map((f) => ({ canonical: String(value), format: f }))),
      uid.chain((bytes) =>
        fc.constantFrom<Shown>('mifare-hex', 'mifare-hex-reversed', 'mifare-decimal', 'mifare-decimal-reversed').map((f) => ({ canonical: hex(bytes), format: f })),
      ),
    );
    fc.assert(
      fc.property(shownCard, ({ canonical, format }) => {
        const card = normalizeCardNumber(formatCardNumber(canonical, format));
        expect([card?.canonical, ...(card?.alternatives ?? [])]).toContain(canonical);
      }),
    );
  });

  it('hands any reading through readingText to the canonical reading unchanged, and auto reads it the same', () => {
    const reading = fc.oneof(
      emNumber.chain((value) => fc.constantFrom(...explicitFormats).map((f) => formatCardNumber(String(value), f))),
      uid.chain((bytes) => fc.constantFrom(...explicitFormats).map((f) => formatCardNumber(hex(bytes), f))),
    );
    fc.assert(
      fc.property(reading, fc.constantFrom(...explicitFormats), (shown, format) => {
        const card = normalizeCardNumber(shown, format);
        if (card === null) return;
        expect(normalizeCardNumber(readingText(card), 'canonical')).toEqual(card);
        const auto = normalizeCardNumber(readingText(card));
        expect(auto?.canonical).toBe(card.canonical);
        expect(auto?.partial).toBe(card.partial);
      }),
    );
  });

  it('leading zeros and reader suffixes never change the canonical value of a decimal reading', () => {
    const decimal = fc.oneof(
      emNumber.map((v) => String(v)),
      uid.map((bytes) => formatCardNumber(hex(bytes), 'mifare-decimal')),
      uid.map((bytes) => formatCardNumber(hex(bytes), 'mifare-decimal-reversed')),
    );
    fc.assert(
      fc.property(
        decimal,
        fc.constantFrom<ReaderFormat>('auto', 'em-decimal', 'mifare-decimal', 'mifare-decimal-reversed'),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...suffixes),
        (digits, format, zeros, suffix) => {
          const plain = normalizeCardNumber(digits, format)?.canonical;
          expect(normalizeCardNumber('0'.repeat(zeros) + digits + suffix, format)?.canonical).toBe(plain);
        },
      ),
    );
  });

  it('leading zeros in either W26 part and reader suffixes never change the canonical value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...suffixes),
        fc.constantFrom<ReaderFormat>('auto', 'em-w26'),
        (facility, number, zeros, suffix, format) => {
          fc.pre(facility + number > 0);
          const padded = `${'0'.repeat(zeros)}${facility},${'0'.repeat(zeros)}${number}${suffix}`;
          expect(normalizeCardNumber(padded, format)?.canonical).toBe(String(facility * 65536 + number));
        },
      ),
    );
  });

  it('reader suffixes never change the canonical value of a hex reading', () => {
    fc.assert(
      fc.property(uid, fc.constantFrom<ReaderFormat>('auto', 'mifare-hex', 'mifare-hex-reversed'), fc.constantFrom(...suffixes), (bytes, format, suffix) => {
        const shown = formatCardNumber(hex(bytes), 'mifare-hex');
        expect(normalizeCardNumber(shown + suffix, format)?.canonical).toBe(normalizeCardNumber(shown, format)?.canonical);
      }),
    );
  });
});
