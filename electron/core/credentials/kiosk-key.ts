// The kiosk's own signing key for the QR cards it prints: made on first start, kept in the data folder.
//
// The private key is a PKCS#8 PEM file readable by the kiosk's user only (0600; Windows ignores the mode and relies
// on the per-user profile folder). Later the Electron shell will wrap it with safeStorage (DPAPI, Keychain,
// libsecret) so a copied data folder does not carry a usable key; the core stays plain Node and takes the key as is.
// The public key goes into trusted_keys. If the file is lost, a new key is made and the old public key stays
// trusted, so cards already printed keep working.
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { generateSigningKey, rawPublicKey } from './ed25519.js';
import type { QrSigner } from './qr-issuer.js';
import type { TrustedKeys } from './trusted-keys.js';

export const KIOSK_KEY_FILE = 'qr-signing-key.pem';

/** "k" and 8 hex digits of the key's SHA-256: short, since it is in every code, and stable for the key. */
export function kioskKeyId(publicKey: Uint8Array): string {
  return `k${createHash('sha256').update(publicKey).digest('hex').slice(0, 8)}`;
}

export function ensureKioskSigningKey(dataDir: string, keys: TrustedKeys, now: Date): QrSigner {
  const path = join(dataDir, KIOSK_KEY_FILE);
  const privateKey = existsSync(path) ? readKeyFile(path) : writeNewKeyFile(path);
  const publicKey = rawPublicKey(privateKey);
  const keyId = kioskKeyId(publicKey);
  keys.trust(keyId, publicKey, 'kiosk', now);
  return { keyId, privateKey };
}

function readKeyFile(path: string): KeyObject {
  // Someone loosened the mode (a backup restore, a copy): tighten it rather than refuse to start.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  try {
    return createPrivateKey(readFileSync(path));
  } catch (error) {
    // Never replace a damaged key file by itself: an admin decides whether the old key is gone for good.
    throw new Error(`cannot read the kiosk's QR signing key ${path}`, { cause: error });
  }
}

function writeNewKeyFile(path: string): KeyObject {
  const key = generateSigningKey();
  const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
  // Written whole and synced beside the final name, then renamed: a crash leaves no half-written key.
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeFileSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return key;
}
