// The bundle's content key, wrapped for each recipient (docs/peer-protocol.md §USB bundle): a fresh ephemeral X25519
// key per recipient, HKDF-SHA256 over the shared secret with the bundle id as salt and "esik-bundle-wrap-v1" ‖ the
// recipient's device id as info, and AES-256-GCM under a zero nonce (each wrapping key is used exactly once). The
// device id in the info binds an entry to its recipient: a machine cannot pass another's entry off as its own.
import { createCipheriv, createDecipheriv, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';
import { x25519PublicFromRaw, x25519PublicRaw } from '../x25519.js';

export const CONTENT_KEY_BYTES = 32;
const WRAP_INFO = 'esik-bundle-wrap-v1';
const ZERO_NONCE = Buffer.alloc(12);

function wrappingKey(shared: Buffer, bundleId: string, recipientId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(bundleId, 'utf8'), Buffer.from(WRAP_INFO + recipientId, 'utf8'), 32));
}

export interface WrappedKey {
  deviceId: string;
  /** The ephemeral public key, 32 bytes base64url. */
  eph: string;
  /** The content key sealed: 32 bytes and the 16-byte tag, base64url. */
  wrapped: string;
}

export function wrapContentKey(contentKey: Uint8Array, bundleId: string, recipientId: string, recipientDhPub: KeyObject): WrappedKey {
  if (contentKey.length !== CONTENT_KEY_BYTES) throw new RangeError(`a content key is ${CONTENT_KEY_BYTES} bytes`);
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: recipientDhPub });
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(shared, bundleId, recipientId), ZERO_NONCE);
  const sealed = Buffer.concat([cipher.update(contentKey), cipher.final(), cipher.getAuthTag()]);
  return { deviceId: recipientId, eph: x25519PublicRaw(eph.publicKey).toString('base64url'), wrapped: sealed.toString('base64url') };
}

/** The content key, or null when the entry does not open with this machine's key (not ours, or altered). */
export function unwrapContentKey(entry: WrappedKey, bundleId: string, ownDhPrivate: KeyObject): Uint8Array | null {
  try {
    const shared = diffieHellman({ privateKey: ownDhPrivate, publicKey: x25519PublicFromRaw(Buffer.from(entry.eph, 'base64url')) });
    const sealed = Buffer.from(entry.wrapped, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey(shared, bundleId, entry.deviceId), ZERO_NONCE);
    decipher.setAuthTag(sealed.subarray(CONTENT_KEY_BYTES));
    const key = Buffer.concat([decipher.update(sealed.subarray(0, CONTENT_KEY_BYTES)), decipher.final()]);
    return key.length === CONTENT_KEY_BYTES ? new Uint8Array(key) : null;
  } catch {
    return null;
  }
}
