// What was presented at the door, and through what: a card number or a QR text go to different core requests.
import type { CardSource, QrSource } from '../../../shared/domain/attendance.js';

export type Credential = { kind: 'card'; raw: string; source: CardSource } | { kind: 'qr'; text: string; source: QrSource };

/** The contract's identifyQr limit: anything longer is cut to it, so the core still sees (and refuses, and keeps) it. */
const MAX_QR_REQUEST_TEXT = 16_384;

export function qrCredential(text: string, source: QrSource): Credential {
  return { kind: 'qr', text: text.slice(0, MAX_QR_REQUEST_TEXT), source };
}
