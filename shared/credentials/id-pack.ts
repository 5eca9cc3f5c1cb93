// Packs the roster ids a QR code carries (kindergarten, companion, credential, key) into 16 bits per three
// characters instead of 8 bits per character. The ids are joined by a separator and read in base 40; 40³ = 64000
// fits a u16. Typical ids (`kg-demo`, `cp0002`, `cq001`) shrink by a third, which keeps a code near 150
// characters and a QR version lower. Ids outside the alphabet do not pack; the payload then stores them raw.

/** Index 0 is the separator (and the padding); the rest are the characters an id may use to be packed. */
const ALPHABET = ' 0123456789abcdefghijklmnopqrstuvwxyz-._';
const BASE = ALPHABET.length;
const SEPARATOR = ' ';
const INDEX_OF: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));

export function isPackable(id: string): boolean {
  return id.length > 0 && [...id].every((c) => c !== SEPARATOR && INDEX_OF.has(c));
}

/** The packed bytes, or null when an id is empty or uses a character outside the alphabet. */
export function packIds(ids: readonly string[]): Uint8Array | null {
  if (!ids.every(isPackable)) return null;
  let text = ids.join(SEPARATOR);
  while (text.length % 3 !== 0) text += SEPARATOR;
  const out = new Uint8Array((text.length / 3) * 2);
  for (let i = 0; i < text.length; i += 3) {
    const value = [0, 1, 2].reduce((sum, k) => sum * BASE + (INDEX_OF.get(text[i + k] ?? SEPARATOR) ?? 0), 0);
    out[(i / 3) * 2] = value >> 8;
    out[(i / 3) * 2 + 1] = value & 0xff;
  }
  return out;
}

/** Exactly `count` non-empty ids, or null. */
export function unpackIds(bytes: Uint8Array, count: number): string[] | null {
  if (bytes.length % 2 !== 0) return null;
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) {
    const value = ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
    if (value >= BASE ** 3) return null;
    text += (ALPHABET[Math.floor(value / (BASE * BASE))] ?? '') + (ALPHABET[Math.floor(value / BASE) % BASE] ?? '') + (ALPHABET[value % BASE] ?? '');
  }
  const trimmed = text.replace(/ +$/, '');
  if (text.length - trimmed.length > 2) return null;
  const ids = trimmed.split(SEPARATOR);
  return ids.length === count && ids.every((id) => id.length > 0) ? ids : null;
}
