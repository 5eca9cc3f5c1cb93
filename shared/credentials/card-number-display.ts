// Shows a canonical card number the way a given reader (or the card's print) shows it, so staff can
// compare what is on the screen with what is on the card or on the reader's other software.
import { bigintOf, bytesOf, hexOf, parseHexBytes } from './card-bytes.js';
import type { DisplayFormat } from './reader-format.js';

const CANONICAL_EM = /^[1-9]\d{0,9}$/;
const CANONICAL_UID = /^[0-9A-F]{2}(?::[0-9A-F]{2}){3,9}$/;

/**
 * `canonical` as `display` shows it. A number of the other kind (a Mifare UID on an EM display, say) and
 * text that is not a canonical number are returned unchanged: the function never throws on stored data.
 */
export function formatCardNumber(canonical: string, display: DisplayFormat): string {
  if (CANONICAL_EM.test(canonical) && Number(canonical) < 2 ** 32) return formatEm(Number(canonical), display) ?? canonical;
  const bytes = CANONICAL_UID.test(canonical) ? parseHexBytes(canonical) : null;
  if (bytes && [4, 7, 10].includes(bytes.length)) return formatUid(bytes, display) ?? canonical;
  return canonical;
}

function formatEm(value: number, display: DisplayFormat): string | null {
  const decimal = String(value).padStart(10, '0');
  // W26 carries only the low 24 bits: a card whose top byte is set shows another number's W26 form,
  // exactly as a W26 reader would show it.
  const w26 = `${String((value >>> 16) & 0xff).padStart(3, '0')},${String(value & 0xffff).padStart(5, '0')}`;
  switch (display) {
    case 'em-decimal':
      return decimal;
    case 'em-w26':
      return w26;
    case 'em-printed':
      return `${decimal} ${w26}`;
    case 'em-hex':
      return hexOf(bytesOf(BigInt(value), 4));
    default:
      return null;
  }
}

function formatUid(bytes: number[], display: DisplayFormat): string | null {
  const reversed = [...bytes].reverse();
  switch (display) {
    case 'mifare-hex':
      return hexOf(bytes);
    case 'mifare-hex-reversed':
      return hexOf(reversed);
    case 'mifare-decimal':
      return uidDecimal(bytes);
    case 'mifare-decimal-reversed':
      return uidDecimal(reversed);
    default:
      return null;
  }
}

/** Readers pad a 4-byte UID's decimal to 10 digits, like an EM number; longer UIDs print as they are. */
function uidDecimal(bytes: number[]): string {
  const text = bigintOf(bytes).toString();
  return bytes.length === 4 ? text.padStart(10, '0') : text;
}
