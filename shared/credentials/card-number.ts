// Turns what a card reader typed or sent into the one canonical number the roster stores.
//
// Canonical (docs/card-numbers.md has the reasons and a table of real examples):
// - EM-Marine (125 kHz): the 32-bit card number in decimal without leading zeros — the 10-digit number
//   printed on the card, e.g. "6762840" for "0006762840". The 8-bit version byte some readers add is
//   dropped: no other reader format carries it, so keeping it would split one card into two.
// - Mifare / ISO 14443A (13.56 MHz): the UID's bytes in the order the card sends them, upper-case hex
//   joined by ':', e.g. "04:A2:1B:7C". The ':' keeps the two kinds apart: an all-digit UID like
//   12:34:56:78 can never be read as EM card 12345678.
// A W26 reading ("103,12632") knows only the low 24 bits of an EM number. Its canonical value is those
// 24 bits, which is the card's number when the top byte is zero; but the card may as well be any of 255
// others, listed in `alternatives`. The look-up (electron/core/roster/card-lookup.ts) accepts a W26
// reading only when exactly one enrolled card fits it.
import { bigintOf, bytesOf, decimalDigits, hexOf, parseHexBytes } from './card-bytes.js';
import type { ReaderFormat } from './reader-format.js';

export interface CardNumber {
  /** 'em': an EM-Marine 32-bit number in decimal; 'uid': a Mifare UID in hex, card order. */
  kind: 'em' | 'uid';
  canonical: string;
  /** Only the low 24 bits of an EM number are known (a W26 reading). */
  partial: boolean;
  /**
   * Other canonical values the same reading may stand for. For a full reading they are guesses (an
   * unconfigured reader's other interpretations), tried only when `canonical` is not enrolled; for a
   * partial one they are as likely as `canonical` itself.
   */
  alternatives: readonly string[];
}

type Reading = Pick<CardNumber, 'kind' | 'canonical' | 'partial'>;
type ExplicitFormat = Exclude<ReaderFormat, 'auto'>;

const MAX_TEXT = 64;
const TWO_32 = 1n << 32n;
const TWO_40 = 1n << 40n;
const W26_RANGE = 1 << 24;
const UID_LENGTHS: readonly number[] = [4, 7, 10];
const W26_PARTS = /^(\d{1,8})\s*[,.]\s*(\d{1,10})$/;
const W26_PACKED = /^(\d{3})(\d{5})$/;
const CANONICAL_EM = /^[1-9]\d{0,9}$/;
const CANONICAL_UID = /^[0-9A-F]{2}(?::[0-9A-F]{2}){3}(?:(?::[0-9A-F]{2}){3}){0,2}$/;

/**
 * The canonical card number a reading stands for, or null when it is none.
 * `format` is the reader's setting; 'auto' (the default, for keyboard-wedge readers nobody configured)
 * takes digits as an EM-Marine decimal, "f,n" as W26 and hex as a Mifare UID in card order, and lists
 * every other reading of the same text in `alternatives`. 'canonical' reads only what readingText
 * writes: how the core hands a card from an HID reader, whose format it has already applied, to identifyCard.
 */
export function normalizeCardNumber(raw: string, format: ReaderFormat | 'canonical' = 'auto'): CardNumber | null {
  // Readers end a card with Enter, Tab, CR or LF (some with several); people paste with spaces.
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_TEXT) return null;
  if (format === 'canonical') return readCanonical(text);
  if (format !== 'auto') {
    const reading = readers[format](text);
    return reading && { ...reading, alternatives: reading.partial ? w26Candidates(reading.canonical) : [] };
  }
  return readAuto(text);
}

/**
 * The card in the notation normalizeCardNumber(text, 'canonical') reads back: the canonical number, or
 * "facility,number" for a W26 reading so that it stays partial. 'auto' reads it back the same too.
 */
export function readingText(card: Pick<CardNumber, 'canonical' | 'partial'>): string {
  if (!card.partial) return card.canonical;
  const value = Number(card.canonical);
  return `${String(value >>> 16).padStart(3, '0')},${String(value & 0xffff).padStart(5, '0')}`;
}

function readCanonical(text: string): CardNumber | null {
  const format = W26_PARTS.test(text)
    ? 'em-w26'
    : CANONICAL_EM.test(text) && Number(text) < 2 ** 32
      ? 'em-decimal'
      : CANONICAL_UID.test(text)
        ? 'mifare-hex'
        : null;
  return format && normalizeCardNumber(text, format);
}

const readers: Record<ExplicitFormat, (text: string) => Reading | null> = {
  'em-decimal': (text) => {
    const digits = decimalDigits(text, 13);
    if (digits === null) return null;
    const value = BigInt(digits);
    // 11–13 digits: the whole 40-bit ID; the card's number is its low 32 bits.
    return value < TWO_40 ? em(value % TWO_32, false) : null;
  },
  'em-w26': (text) => {
    const parts = W26_PARTS.exec(text) ?? W26_PACKED.exec(text);
    if (!parts) return null;
    const facility = Number(parts[1]);
    const number = Number(parts[2]);
    if (facility > 0xff || number > 0xffff) return null;
    return em(BigInt(facility * 65536 + number), true);
  },
  'em-hex': (text) => {
    const bytes = parseHexBytes(text);
    if (!bytes || (bytes.length !== 4 && bytes.length !== 5)) return null;
    return em(bigintOf(bytes.slice(-4)), false);
  },
  'mifare-hex': (text) => uid(parseHexBytes(text)),
  'mifare-hex-reversed': (text) => uid(parseHexBytes(text)?.reverse() ?? null),
  'mifare-decimal': (text) => uid(uidBytesOfDecimal(text)),
  'mifare-decimal-reversed': (text) => uid(uidBytesOfDecimal(text)?.reverse() ?? null),
};

/** Every other explicit reading of an unconfigured reader's text, in the order the look-up tries them. */
const AUTO_ALTERNATIVES: readonly ExplicitFormat[] = [
  'em-decimal',
  'mifare-hex',
  'mifare-hex-reversed',
  'em-hex',
  'mifare-decimal',
  'mifare-decimal-reversed',
];

function readAuto(text: string): CardNumber | null {
  const allDigits = /^\d+$/.test(text);
  // Plain digits are an EM decimal (the common case, and what the demo cards are); "f,n" is W26 (never
  // the packed 8 digits: those are taken as a decimal); anything else hex-like is a UID in card order.
  const primary = allDigits
    ? (readers['em-decimal'](text) ?? readers['mifare-decimal'](text))
    : W26_PARTS.test(text)
      ? readers['em-w26'](text)
      : (readers['mifare-hex'](text) ?? readers['em-hex'](text));
  if (!primary) return null;
  const others = AUTO_ALTERNATIVES.map((format) => readers[format](text)?.canonical);
  const alternatives = [...(primary.partial ? w26Candidates(primary.canonical) : []), ...others].filter(
    (value): value is string => value !== undefined && value !== primary.canonical,
  );
  return { ...primary, alternatives: [...new Set(alternatives)] };
}

/** The 255 EM numbers besides the 24-bit value itself whose low 24 bits a W26 reading saw. */
function w26Candidates(canonical: string): string[] {
  const low = Number(canonical);
  return Array.from({ length: 255 }, (_, i) => String(low + (i + 1) * W26_RANGE));
}

function em(value: bigint, partial: boolean): Reading | null {
  return value === 0n ? null : { kind: 'em', canonical: value.toString(), partial };
}

function uid(bytes: number[] | null): Reading | null {
  if (!bytes || !UID_LENGTHS.includes(bytes.length) || bytes.every((b) => b === 0)) return null;
  return { kind: 'uid', canonical: hexOf(bytes, ':'), partial: false };
}

/** A UID printed as one number: its length follows from the value (a 4-byte UID is < 2^32, and so on). */
function uidBytesOfDecimal(text: string): number[] | null {
  const digits = decimalDigits(text, 25);
  if (digits === null) return null;
  const value = BigInt(digits);
  const length = value < TWO_32 ? 4 : value < 1n << 56n ? 7 : value < 1n << 80n ? 10 : 0;
  return length === 0 ? null : bytesOf(value, length);
}
