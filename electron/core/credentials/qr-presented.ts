// What the admins' list of refused attempts keeps of a QR text: never the text itself.
//
// A refused code can still be a working pass: a foreign one works at its own kindergarten, one refused for
// "may not collect" works the next morning, and "revoked" may be the roster lagging. Storing the text would
// turn the refused-attempts list (and every backup and export of it) into a drawer of reusable passes. We keep
// the fields a code claims, without its signature, and a short hash so that admins can still see the same code
// tried again and again. An unreadable text keeps only its length, its first characters and the hash: it may be
// another system's token.
import { createHash } from 'node:crypto';
import type { QrPayload } from '../../../shared/credentials/qr-payload.js';

/** refused_attempts keeps at most this many characters; the hash at the end must survive. */
const MAX_PRESENTED = 128;

export function presentedQr(text: string, payload: QrPayload | null): string {
  const hash = ` #${createHash('sha256').update(text.trim().toUpperCase()).digest('hex').slice(0, 16)}`;
  const p = payload;
  const what = p
    ? `${p.variant} ${p.kindergartenId}/${p.companionId}/${p.credentialId} v${p.credentialVersion} key ${p.keyId}`
    : `unreadable ${text.length} chars "${text.slice(0, 8).replace(/[^\x20-\x7e]/g, '?')}"`;
  return what.slice(0, MAX_PRESENTED - hash.length) + hash;
}
