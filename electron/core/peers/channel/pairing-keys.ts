// The pairing exchange's key schedule (docs/peer-protocol.md §Pairing): the transcript hash, the code stretched by
// scrypt over it, four keys from HKDF-SHA256, the two proofs of the code and the bytes each side signs.
import { createHash, createHmac, hkdfSync, scrypt } from 'node:crypto';

export const PAIR_LABEL = 'esik-peer-pair-v1';
/** scrypt N 2^15, r 8, p 1 needs 32 MiB (128·N·r); node's default ceiling is exactly that, so it is raised. */
export const PAIR_SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export interface PairKeys {
  mj: Buffer;
  ms: Buffer;
  j2s: Buffer;
  s2j: Buffer;
}

/** th = SHA-256("esik-peer-pair-v1" ‖ P1 text ‖ P2 text). */
export function pairTranscript(p1Text: string, p2Text: string): Buffer {
  return createHash('sha256').update(PAIR_LABEL, 'utf8').update(p1Text, 'utf8').update(p2Text, 'utf8').digest();
}

/** c = scrypt(normalised code, salt th): asynchronous, so a sponsor's other connections go on while it runs. */
export function stretchCode(code: string, th: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(code, th, 32, PAIR_SCRYPT, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

/** prk = HKDF-Extract(salt = th, X25519 secret ‖ c), then one Expand per label (hkdfSync does both steps). */
export function pairKeys(sharedSecret: Uint8Array, c: Uint8Array, th: Uint8Array): PairKeys {
  const ikm = Buffer.concat([sharedSecret, c]);
  const expand = (label: string) => Buffer.from(hkdfSync('sha256', ikm, th, label, 32));
  return { mj: expand('esik pair mj'), ms: expand('esik pair ms'), j2s: expand('esik pair j2s'), s2j: expand('esik pair s2j') };
}

/** mac_J = HMAC(k_mj, "joiner" ‖ th); mac_S = HMAC(k_ms, "sponsor" ‖ th). */
export function pairMac(key: Uint8Array, who: 'joiner' | 'sponsor', th: Uint8Array): Buffer {
  return createHmac('sha256', key).update(who, 'utf8').update(th).digest();
}

/** What J signs in PairJoin ("… j" ‖ th) and S in PairWelcome ("… s" ‖ th): each device key bound to this exchange. */
export function pairSigned(who: 'j' | 's', th: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${PAIR_LABEL} ${who}`, 'utf8'), th]);
}
