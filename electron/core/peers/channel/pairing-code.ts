// The one-time pairing code (docs/peers.md §3 "The exchange"): 60 random bits as 12 Crockford base32 characters,
// alive 10 minutes, for one pairing, void after 3 wrong tries. Held in the peer worker's memory only: the pairing
// needs the code itself, so no hash of it could stand in on disk, and a restart voids it.
import { randomBytes } from 'node:crypto';
import type { PairRefusedCode } from '../../../../shared/peers/peer-protocol.js';
import type { Clock } from '../../time/clock.js';

/** The city's enrollment-code alphabet: no I, L, O, U, so a code read aloud or typed is not misread. */
export const PAIRING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PAIRING_CODE_LENGTH = 12;
export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;
export const PAIRING_CODE_TRIES = 3;

/** 12 characters from 60 random bits (5 bits each). */
export function newPairingCode(random: (bytes: number) => Uint8Array = randomBytes): string {
  let bits = Buffer.from(random(8)).readBigUInt64BE(0) & ((1n << 60n) - 1n);
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i += 1) {
    code = (PAIRING_ALPHABET[Number(bits & 31n)] ?? '') + code;
    bits >>= 5n;
  }
  return code;
}

/** As typed to as compared: upper case, no spaces or dashes, I and L read as 1, O as 0; null if not a code. */
export function normalisePairingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === PAIRING_CODE_LENGTH && [...code].every((c) => PAIRING_ALPHABET.includes(c)) ? code : null;
}

/** XXXX-XXXX-XXXX, as the console shows it. */
export function displayPairingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export type CodeTry = { ok: true; code: string } | { ok: false; code: PairRefusedCode };
export type CodeSettled = { ok: true } | { ok: false; code: PairRefusedCode };

export class PairingCode {
  private wrongTries = 0;
  private used = false;
  private readonly openedMs: number;

  private constructor(
    readonly code: string,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    this.openedMs = clock.now().getTime();
  }

  static open(clock: Pick<Clock, 'now'>, code: string = newPairingCode()): PairingCode {
    const normal = normalisePairingCode(code);
    if (normal === null) throw new RangeError('not a pairing code');
    return new PairingCode(normal, clock);
  }

  get display(): string {
    return displayPairingCode(this.code);
  }

  get expiresAtMs(): number {
    return this.openedMs + PAIRING_CODE_TTL_MS;
  }

  /** Why a try cannot start now, checked before the scrypt so a dead code costs the sponsor nothing. */
  private refusal(): PairRefusedCode | null {
    if (this.used || this.wrongTries >= PAIRING_CODE_TRIES) return 'PAIR_CODE_USED';
    if (this.clock.now().getTime() >= this.expiresAtMs) return 'PAIR_CODE_EXPIRED';
    return null;
  }

  /** A try begins: the code to derive the proof with, or why not. */
  begin(): CodeTry {
    const refusal = this.refusal();
    return refusal === null ? { ok: true, code: this.code } : { ok: false, code: refusal };
  }

  /**
   * A try ends: a right proof uses the code, a wrong one counts (the third voids it). Checked again, since another try
   * may have used or voided the code, or the clock passed its end, while this one's scrypt ran.
   */
  settle(right: boolean): CodeSettled {
    const refusal = this.refusal();
    if (refusal !== null) return { ok: false, code: refusal };
    if (right) {
      this.used = true;
      return { ok: true };
    }
    this.wrongTries += 1;
    return { ok: false, code: 'PAIR_CODE_WRONG' };
  }
}
