// PIN hashing: scrypt over HMAC-SHA256(pepper, PIN) with a per-PIN random salt. A 4-digit PIN has only 10,000
// values, so the pepper (kept outside the database) is what stops an offline search from a copied database; scrypt
// makes each guess cost memory and time on top, and the lockout stops guessing at the kiosk itself.
//
// scrypt runs on libuv's thread pool, never on the core's thread: a card tap must not wait ~50 ms behind a PIN
// check. One derivation at a time: the kiosk has two cores, and the door's thread needs one of them however many
// guesses arrive together.
import { createHmac, randomBytes, scrypt, scryptSync, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { KeyedQueue } from './keyed-queue.js';

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
const MAX_MEMORY = 64 * 1024 * 1024;

const derivations = new KeyedQueue();

function encodeParams(p: ScryptParams): string {
  return `scrypt:N=${p.N},r=${p.r},p=${p.p}`;
}

function decodeParams(text: string): ScryptParams {
  const match = /^scrypt:N=(\d+),r=(\d+),p=(\d+)$/.exec(text);
  if (!match) throw new Error(`unknown PIN hash parameters "${text}"`);
  return { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
}

const keyed = (pin: string, pepper: Buffer): Buffer => createHmac('sha256', pepper).update(pin, 'utf8').digest();
const options = (params: ScryptParams): ScryptOptions => ({ N: params.N, r: params.r, p: params.p, maxmem: MAX_MEMORY });

function scryptOffThread(password: BinaryLike, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_BYTES, options(params), (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function derive(pin: string, pepper: Buffer, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return derivations.run('scrypt', () => scryptOffThread(keyed(pin, pepper), salt, params));
}

export async function hashPin(pin: string, pepper: Buffer): Promise<PinHash> {
  const salt = randomBytes(16);
  return { hash: await derive(pin, pepper, salt, CURRENT), salt, params: encodeParams(CURRENT) };
}

/**
 * The same hash made on the calling thread: only for seeding the demo's PINs while the kiosk opens, before the door
 * answers anyone.
 */
export function hashPinWhileOpening(pin: string, pepper: Buffer): PinHash {
  const salt = randomBytes(16);
  return { hash: scryptSync(keyed(pin, pepper), salt, KEY_BYTES, options(CURRENT)), salt, params: encodeParams(CURRENT) };
}

export async function pinMatches(pin: string, pepper: Buffer, stored: PinHash): Promise<boolean> {
  const candidate = await derive(pin, pepper, stored.salt, decodeParams(stored.params));
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
