// PIN hashing: scrypt over HMAC-SHA256(pepper, PIN) with a per-PIN random salt. A 4-digit PIN has only 10,000
// values, so the pepper (kept outside the database) is what stops an offline search from a copied database; scrypt
// makes each guess cost memory and time on top, and the lockout stops guessing at the kiosk itself.
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface PinHash {
  hash: Buffer;
  salt: Buffer;
  /** Stored with the hash, so stronger parameters later do not break the PINs already set. */
  params: string;
}

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 16 MiB and roughly 50 ms per check on the kiosk's slow PCs: fine for a person signing in. */
const CURRENT: ScryptParams = { N: 16_384, r: 8, p: 1 };
const KEY_BYTES = 32;

function encodeParams(p: ScryptParams): string {
  return `scrypt:N=${p.N},r=${p.r},p=${p.p}`;
}

function decodeParams(text: string): ScryptParams {
  const match = /^scrypt:N=(\d+),r=(\d+),p=(\d+)$/.exec(text);
  if (!match) throw new Error(`unknown PIN hash parameters "${text}"`);
  return { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
}

function derive(pin: string, pepper: Buffer, salt: Buffer, params: ScryptParams): Buffer {
  const keyed = createHmac('sha256', pepper).update(pin, 'utf8').digest();
  return scryptSync(keyed, salt, KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 });
}

export function hashPin(pin: string, pepper: Buffer): PinHash {
  const salt = randomBytes(16);
  return { hash: derive(pin, pepper, salt, CURRENT), salt, params: encodeParams(CURRENT) };
}

export function pinMatches(pin: string, pepper: Buffer, stored: PinHash): boolean {
  const candidate = derive(pin, pepper, stored.salt, decodeParams(stored.params));
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
