// RFC 4648 base32 without padding (@scure/base). Its alphabet (A–Z, 2–7) is inside the QR alphanumeric set and types
// the same on every keyboard layout. Decoding is strict, so one byte string has exactly one text: other characters,
// padding, lengths no encoder produces and non-zero unused trailing bits are all refused.
import { base32nopad } from '@scure/base';

export function encodeBase32(bytes: Uint8Array): string {
  return base32nopad.encode(bytes);
}

/** The bytes of an upper-case, unpadded base32 text, or null when it is not one. */
export function decodeBase32(text: string): Uint8Array | null {
  try {
    return base32nopad.decode(text);
  } catch {
    return null;
  }
}
