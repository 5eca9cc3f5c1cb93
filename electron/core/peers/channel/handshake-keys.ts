// The session handshake's key schedule (docs/peer-protocol.md §Session handshake): transcript hashes, the four keys
// from HKDF-SHA256, the bytes each side signs, and the one-shot boxes that carry each side's identity.
import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';

export const SIGMA_LABEL = 'esik-peer-sigma-v1';
const BOX_AAD = Buffer.from('esik-peer-hs', 'ascii');
const BOX_NONCE = Buffer.alloc(12);
const TAG_BYTES = 16;

export interface SigmaKeys {
  /** Seals R's identity (M2). */
  hsR: Buffer;
  /** Seals I's identity (M3). */
  hsI: Buffer;
  i2r: Buffer;
  r2i: Buffer;
}

/** th2 = SHA-256("esik-peer-sigma-v1" ‖ M1 text ‖ eph_R ‖ nonce_R). */
export function sigmaTh2(m1Text: string, ephR: Uint8Array, nonceR: Uint8Array): Buffer {
  return createHash('sha256').update(SIGMA_LABEL, 'utf8').update(m1Text, 'utf8').update(ephR).update(nonceR).digest();
}

/** HKDF-Extract(salt = th2, ss) then one Expand per label; hkdfSync does both steps. */
export function sigmaKeys(sharedSecret: Uint8Array, th2: Uint8Array): SigmaKeys {
  const expand = (label: string) => Buffer.from(hkdfSync('sha256', sharedSecret, th2, label, 32));
  return { hsR: expand('esik hs r'), hsI: expand('esik hs i'), i2r: expand('esik i2r'), r2i: expand('esik r2i') };
}

/** What R signs: "esik-peer-sigma-v1 r" ‖ th2. */
export function responderSigned(th2: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${SIGMA_LABEL} r`, 'utf8'), th2]);
}

/** th3 = SHA-256(th2 ‖ deviceId_R ‖ sig_R): I's signature covers whom it believes it talks to. */
export function sigmaTh3(th2: Uint8Array, responderDeviceId: string, responderSig: Uint8Array): Buffer {
  return createHash('sha256').update(th2).update(responderDeviceId, 'utf8').update(responderSig).digest();
}

/** What I signs: "esik-peer-sigma-v1 i" ‖ th3. */
export function initiatorSigned(th3: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${SIGMA_LABEL} i`, 'utf8'), th3]);
}

/** AES-256-GCM with a zero nonce: safe because each handshake key seals exactly one box. */
export function sealBox(key: Uint8Array, value: unknown): string {
  const cipher = createCipheriv('aes-256-gcm', key, BOX_NONCE, { authTagLength: TAG_BYTES });
  cipher.setAAD(BOX_AAD);
  return Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64url');
}

/** The box's JSON value, or undefined (which no JSON text parses to) when it does not open under `key`. */
export function openBox(key: Uint8Array, box: string): unknown {
  const bytes = Buffer.from(box, 'base64url');
  if (bytes.length < TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, BOX_NONCE, { authTagLength: TAG_BYTES });
    decipher.setAAD(BOX_AAD);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as unknown;
  } catch {
    return undefined;
  }
}
