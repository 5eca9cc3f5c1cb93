// DEMO ONLY — NOT A SECRET. The private key below is committed on purpose so that demos, tests, e2e runs and
// benchmarks can mint "city" QR codes. The kiosk trusts its public key only in a database it seeded with the
// fictional demo kindergarten (kiosk-core.ts); a real roster never brings it, and no real kindergarten must add it.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { rawPublicKey } from '../credentials/ed25519.js';
import type { QrSigner } from '../credentials/qr-issuer.js';
import type { TrustedKeys } from '../credentials/trusted-keys.js';

export const DEMO_CITY_KEY_ID = 'demo1';

const DEMO_ONLY_CITY_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEINYyB3mOup2GXt6g6rDVv7BEIsiFI5zm2IP5lJ+x/igq
-----END PRIVATE KEY-----
`;

let privateKey: KeyObject | undefined;

/** The demo "city" signer. Anyone can use it: codes it signs prove nothing outside a demo database. */
export function demoCitySigner(): QrSigner {
  privateKey ??= createPrivateKey(DEMO_ONLY_CITY_PRIVATE_KEY);
  return { keyId: DEMO_CITY_KEY_ID, privateKey };
}

/** Call only when seeding the demo kindergarten, in the same transaction. */
export function trustDemoCityKey(keys: TrustedKeys, now: Date): void {
  keys.trust(DEMO_CITY_KEY_ID, rawPublicKey(demoCitySigner().privateKey), 'city', now);
}
