// Decodes vendor data-mode reports that carry one whole card each: [length N][N bytes][zero padding],
// the N bytes being either the ASCII text of the number or the UID bytes (docs/rfid-readers.md).
import { reportBody, type ReportDecoder } from './decoded-event.js';

/** UID lengths a frame may carry: Mifare 4, 7 and 10 bytes, and the 5-byte EM-Marine ID. */
const UID_LENGTHS: readonly number[] = [4, 5, 7, 10];

export function createLengthPrefixedDecoder(payload: 'ascii' | 'uid', reportId: number | null): ReportDecoder {
  return {
    push(report) {
      const body = reportBody(report, reportId);
      if (body === null) return [];
      if (body.length === 0) return [{ kind: 'dropped', reason: 'short-report', partial: '' }];
      const length = body[0] ?? 0;
      // Length 0: the reader's "no card" report, sent by some readers between cards.
      if (length === 0) return [];
      const data = body.subarray(1, 1 + length);
      if (data.length < length) return [{ kind: 'dropped', reason: 'truncated-frame', partial: hexOf(data) }];
      const text = payload === 'ascii' ? asciiText(data) : uidText(data);
      if (text === null) return [{ kind: 'dropped', reason: 'bad-frame', partial: hexOf(data) }];
      return text === '' ? [] : [{ kind: 'card', text }];
    },
    // Each report is a whole card: nothing is ever half read.
    reset: () => [],
  };
}

/** The text up to a CR, LF or NUL; null when it holds a byte no reader prints. */
function asciiText(data: Uint8Array): string | null {
  let text = '';
  for (const byte of data) {
    if (byte === 0x0d || byte === 0x0a || byte === 0x00) break;
    if (byte < 0x20 || byte > 0x7e) return null;
    text += String.fromCharCode(byte);
  }
  return text.trim();
}

/** "04:A2:1B:7C": hex with ':' so an all-digit UID is never taken for a decimal number. */
function uidText(data: Uint8Array): string | null {
  return UID_LENGTHS.includes(data.length) ? hexOf(data, ':') : null;
}

function hexOf(bytes: Uint8Array, separator = ''): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(separator);
}
