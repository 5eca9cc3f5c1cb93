// Byte and number helpers for card numbers. BigInt, because a 7- or 10-byte UID does not fit a double.

/** Byte strings a reader prints: "04A21B7C", "04:a2:1b:7c", "04 A2 1B 7C", "0x04A21B7C". Null for anything else. */
export function parseHexBytes(text: string): number[] | null {
  const body = text.replace(/^0x/i, '');
  const groups = /[:\- ]/.test(body) ? body.split(/[:\- ]/) : (body.match(/.{1,2}/g) ?? []);
  if (groups.length === 0 || !groups.every((g) => /^[0-9a-fA-F]{2}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

export function hexOf(bytes: readonly number[], separator = ''): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(separator);
}

/** Big-endian: bytes[0] is the most significant. */
export function bigintOf(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

/** Big-endian bytes of a value that fits in `length` bytes. */
export function bytesOf(value: bigint, length: number): number[] {
  const bytes: number[] = [];
  for (let i = length - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(8 * i)) & 0xffn));
  return bytes;
}

/** Decimal digits with leading zeros dropped ("0" stays "0"), or null when `text` is not all digits. */
export function decimalDigits(text: string, maxDigits: number): string | null {
  if (!/^\d+$/.test(text)) return null;
  const digits = text.replace(/^0+(?=\d)/, '');
  return digits.length <= maxDigits ? digits : null;
}
