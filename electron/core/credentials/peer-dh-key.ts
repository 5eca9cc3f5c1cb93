// The machine's static X25519 key (secret `peer-dh-key`, docs/peers.md §3 "Identity"): only for opening USB bundles
// addressed to it. Its public half travels in the machine's `member` record, so every member can wrap a stick's key
// for it. Made the first time it is asked for; a key sealed by a keystore this session cannot open is never replaced
// by itself (sticks already written for it could no longer be opened), so that is thrown for the caller.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SecretStore } from '../files/secret-store.js';

const SECRET = 'peer-dh-key';

export function ensurePeerDhKey(secrets: SecretStore): KeyObject {
  const pem = secrets.get(SECRET);
  if (pem !== null) {
    try {
      const key = createPrivateKey(pem);
      if (key.asymmetricKeyType === 'x25519') return key;
    } catch {
      // Unreadable text: a new key below, as the device key does (nothing was ever addressed to a key nobody can read).
    }
  } else if (secrets.has(SECRET)) {
    throw new Error(`the peer X25519 key is stored but cannot be read here (${secrets.protection})`);
  }
  const key = generateKeyPairSync('x25519').privateKey;
  secrets.set(SECRET, key.export({ format: 'pem', type: 'pkcs8' }).toString());
  return key;
}
