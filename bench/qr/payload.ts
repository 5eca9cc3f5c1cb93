// Texts shaped like Esik QR credentials: a version prefix and an upper-case base32 body. Every character is
// in the QR alphanumeric set, so encoders pick alphanumeric mode, as they will for the real credentials.
import { type Rng } from './rng.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function esikQrPayload(rng: Rng, minBody = 100, maxBody = 130): string {
  const length = rng.int(minBody, maxBody);
  let body = '';
  for (let i = 0; i < length; i++) body += BASE32[Math.floor(rng.next() * BASE32.length)] as string;
  return `ESK1:${body}`;
}
