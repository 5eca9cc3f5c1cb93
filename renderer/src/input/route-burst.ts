// A finished keyboard burst is either a card number (from a keyboard-mode RFID reader) or a QR text (from a 2D
// scanner). Card numbers have a narrow shape, so anything else goes to identifyQr: a foreign or broken code must
// still reach the core, which refuses it with a clear message and keeps the attempt.
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import { qrCredential, type Credential } from '../state/credential.js';

export function credentialFromBurst(raw: string): Credential {
  // The same rule the core applies to a card number (digits, "facility,number", 8–20 hex digits).
  if (normalizeCardNumber(raw) !== null) return { kind: 'card', raw, source: 'keyboard-wedge' };
  return qrCredential(raw, 'scanner');
}
