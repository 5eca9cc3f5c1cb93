// Ed25519 with node:crypto, keys as the 32 raw bytes the trusted_keys table and the QR format speak in.
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export const PUBLIC_KEY_LENGTH = 32;

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== PUBLIC_KEY_LENGTH) throw new RangeError(`an Ed25519 public key is ${PUBLIC_KEY_LENGTH} bytes, got ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const { x } = createPublicKey(key).export({ format: 'jwk' });
  if (typeof x !== 'string') throw new TypeError('not an Ed25519 key');
  return new Uint8Array(Buffer.from(x, 'base64url'));
}

export function generateSigningKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

export function signEd25519(privateKey: KeyObject, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, data, privateKey));
}

/** False, never a throw, for a signature of the wrong length or a key of the wrong type: it is input. */
export function verifyEd25519(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}
