// RFC 4648 base32 without padding, written here because it is 40 lines and shared/ may not use Node's Buffer.
// Its alphabet (A–Z, 2–7) is inside the QR alphanumeric set and types the same on every keyboard layout.
// Decoding is strict, so one byte string has exactly one text: unused trailing bits must be zero and the
// length must be one an encoder can produce.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUE_OF: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Characters per 5-byte group that a trailing partial group can leave (1, 3 and 6 never occur). */
const VALID_TAIL = new Set([0, 2, 4, 5, 7]);

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The bytes of an upper-case, unpadded base32 text, or null when it is not one. */
export function decodeBase32(text: string): Uint8Array | null {
  if (!VALID_TAIL.has(text.length % 8)) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = VALUE_OF.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  // Leftover bits are padding; anything but zero means a second text for the same bytes.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
