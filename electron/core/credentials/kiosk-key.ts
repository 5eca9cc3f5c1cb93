// The kiosk's own signing key for the QR cards it prints (they open the door): made on first start, kept in the
// SecretStore as a PKCS#8 PEM, sealed by the OS keystore where the shell has one, so a copied data folder does not
// carry a usable key. The public key goes into trusted_keys. If the secret is lost, a new key is made and the old
// public key stays trusted, so cards already printed keep working; a secret that is there but cannot be read is never
// replaced by itself (an admin decides whether the old key is gone for good).
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { adoptPlainSecret, type Adopted } from '../files/adopt-plain-secret.js';
import type { SecretStore } from '../files/secret-store.js';
import { generateSigningKey, rawPublicKey } from './ed25519.js';
import type { QrSigner } from './qr-issuer.js';
import type { TrustedKeys } from './trusted-keys.js';

/** Where versions before the SecretStore kept the key, as a plain 0600 file; moved into the store at start. */
export const KIOSK_KEY_FILE = 'qr-signing-key.pem';
const SECRET = 'qr-signing-key';

/** "k" and 8 hex digits of the key's SHA-256: short, since it is in every code, and stable for the key. */
export function kioskKeyId(publicKey: Uint8Array): string {
  return `k${createHash('sha256').update(publicKey).digest('hex').slice(0, 8)}`;
}

export interface KioskKeyOptions {
  secrets: SecretStore;
  /** The data folder, where an older version may have left the plain key file. */
  dataDir: string;
  keys: TrustedKeys;
  now: Date;
  log?: (line: string) => void;
}

export function ensureKioskSigningKey(options: KioskKeyOptions): QrSigner {
  const { secrets, keys, now } = options;
  const legacy = join(options.dataDir, KIOSK_KEY_FILE);
  const adopted: Adopted = adoptPlainSecret(secrets, SECRET, legacy, (bytes) => {
    parseKey(bytes.toString('utf8'), legacy);
    return bytes.toString('utf8');
  });
  if (adopted !== 'none') options.log?.(`[secrets] the QR signing key ${adopted === 'moved' ? 'moved into' : 'was already in'} the secret store; ${legacy} removed`);
  const stored = secrets.get(SECRET);
  let privateKey: KeyObject;
  if (stored !== null) privateKey = parseKey(stored, `the secret ${SECRET}`);
  else if (secrets.has(SECRET)) throw new Error(`the kiosk's QR signing key is stored but cannot be read here (${secrets.protection})`);
  else {
    privateKey = generateSigningKey();
    secrets.set(SECRET, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  }
  const publicKey = rawPublicKey(privateKey);
  const keyId = kioskKeyId(publicKey);
  keys.trust(keyId, publicKey, 'kiosk', now);
  return { keyId, privateKey };
}

function parseKey(pem: string, where: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    // Never replaced by itself: an admin decides whether the old key is gone for good.
    throw new Error(`cannot read the kiosk's QR signing key (${where})`, { cause: error });
  }
}
