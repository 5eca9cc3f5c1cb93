// Turns what a card reader typed or sent into the one canonical number the roster stores.
// Canonical form: decimal digits without leading zeros for EM-Marine cards (a W26 "facility,number"
// reading is folded to the same 24-bit value), upper-case hex for Mifare UIDs.

export type CardNumber = { kind: 'decimal' | 'hex'; canonical: string };

const TRAILING_SUFFIX = /[\r\n\t ]+$/;

export function normalizeCardNumber(raw: string): CardNumber | null {
  const text = raw.replace(TRAILING_SUFFIX, '').trim();
  if (text.length === 0 || text.length > 32) return null;

  if (/^\d+$/.test(text)) {
    const canonical = text.replace(/^0+(?=\d)/, '');
    return canonical === '0' ? null : { kind: 'decimal', canonical };
  }

  const w26 = /^(\d{1,3})\s*[,.]\s*(\d{1,5})$/.exec(text);
  if (w26) {
    const facility = Number(w26[1]);
    const number = Number(w26[2]);
    if (facility > 255 || number > 65535) return null;
    return { kind: 'decimal', canonical: String(facility * 65536 + number) };
  }

  const hex = text.replace(/[:\s-]/g, '');
  if (/^[0-9a-fA-F]+$/.test(hex) && hex.length % 2 === 0 && hex.length >= 8 && hex.length <= 20) {
    return { kind: 'hex', canonical: hex.toUpperCase() };
  }
  return null;
}
