// X25519 keys as the 32 raw bytes the handshake, the pairing and the USB bundle's recipients carry (b64u(32)).
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';

export const X25519_BYTES = 32;
// PKCS#8 wrapping of a raw X25519 private key (RFC 8410): lets a test vector start from a fixed seed.
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function newEphemeral(): KeyObject {
  return generateKeyPairSync('x25519').privateKey;
}

/** For test vectors only: the private key whose raw scalar bytes are `seed`. */
export function ephemeralFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== X25519_BYTES) throw new RangeError(`an X25519 seed is ${X25519_BYTES} bytes, got ${seed.length}`);
  return createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The raw public half of a private or public key. */
export function x25519PublicRaw(key: KeyObject): Buffer {
  const { x } = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' });
  if (typeof x !== 'string') throw new TypeError('not an X25519 key');
  return Buffer.from(x, 'base64url');
}

/** A raw public key from a member record: throws for the wrong length, since it was checked when the record came in. */
export function x25519PublicFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== X25519_BYTES) throw new RangeError(`an X25519 public key is ${X25519_BYTES} bytes, got ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/**
 * The shared secret with the other side's raw public key, or null for input that is not a usable key (wrong length,
 * or a low-order point, for which OpenSSL refuses the all-zero result): the key came off the wire.
 */
export function x25519Shared(own: KeyObject, otherRaw: Uint8Array): Buffer | null {
  if (otherRaw.length !== X25519_BYTES) return null;
  try {
    const shared = diffieHellman({ privateKey: own, publicKey: x25519PublicFromRaw(otherRaw) });
    return shared.every((byte) => byte === 0) ? null : shared;
  } catch {
    return null;
  }
}
