// The machine's device key (Ed25519, secret `device-key`): its identity to the city (enrollment presents its public
// half) and to its peers (it signs the machine's peer log and its handshakes, docs/peers.md §3). Made at the first
// start, so every machine has one before it writes its first record, whether or not it is ever enrolled.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { SecretStore } from '../files/secret-store.js';
import { generateSigningKey } from './ed25519.js';

const SECRET = 'device-key';

/**
 * The stored key, or a new one made and stored when there is none. A stored PEM that does not parse is replaced (as
 * enrollment always did: the city only ever saw its public half); a key sealed by an OS keystore this session cannot
 * open is never replaced by itself, since peers pin it and its log is signed with it: that is thrown for the caller.
 */
export function deviceKey(secrets: SecretStore): KeyObject {
  return ensureDeviceKey(secrets).key;
}

/** As deviceKey, and whether the key was made just now (rows signed before were signed by a key now lost). */
export function ensureDeviceKey(secrets: SecretStore): { key: KeyObject; made: boolean } {
  const pem = secrets.get(SECRET);
  if (pem !== null) {
    try {
      return { key: createPrivateKey(pem), made: false };
    } catch {
      // Unreadable text: a new pair below.
    }
  } else if (secrets.has(SECRET)) {
    throw new Error(`the device key is stored but cannot be read here (${secrets.protection})`);
  }
  const key = generateSigningKey();
  secrets.set(SECRET, key.export({ format: 'pem', type: 'pkcs8' }).toString());
  return { key, made: true };
}
