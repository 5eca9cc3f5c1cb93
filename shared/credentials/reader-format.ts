// How a card reader writes a card number (a per-reader setting), and how staff want to see one.
// docs/card-numbers.md shows one card in every format.
import { z } from 'zod';

export const ReaderFormatSchema = z.enum([
  /** Unknown (a keyboard-wedge reader nobody configured): the reading is guessed, see normalizeCardNumber. */
  'auto',
  /** EM-Marine: the 10-digit decimal printed on the card (low 32 bits); 11–13 digits are the whole 40-bit ID. */
  'em-decimal',
  /** EM-Marine Wiegand-26: "facility,number" (e.g. "103,12632") or the 8 digits "10312632"; only the low 24 bits. */
  'em-w26',
  /** EM-Marine in hex: 8 digits (low 32 bits) or 10 digits (with the version byte in front). */
  'em-hex',
  /** Mifare / ISO 14443A UID in hex, bytes in the order the card sends them (UID0 first). */
  'mifare-hex',
  /** Mifare UID in hex, bytes reversed (last UID byte first), as many cheap readers print 4-byte UIDs. */
  'mifare-hex-reversed',
  /** Mifare UID as one decimal number, UID0 most significant. */
  'mifare-decimal',
  /** Mifare UID as one decimal number, UID0 least significant (a 4-byte UID read as a little-endian integer). */
  'mifare-decimal-reversed',
]);
export type ReaderFormat = z.infer<typeof ReaderFormatSchema>;

/** A reader format a card number can be shown in, plus the canonical text and the number as printed on EM cards. */
export const DisplayFormatSchema = z.enum([
  'canonical',
  /** "0006762840 103,12632": how EM-Marine cards are usually printed. */
  'em-printed',
  ...ReaderFormatSchema.exclude(['auto']).options,
]);
export type DisplayFormat = z.infer<typeof DisplayFormatSchema>;
