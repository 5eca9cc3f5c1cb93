// What the door offered a companion, kept in memory under an id until it is confirmed, lapses or is pushed out by newer
// ones. Bounded both ways (time and count), so a caller that identifies without ever confirming cannot grow it.
import { randomUUID } from 'node:crypto';
import type { EventKind, EventMethod } from '../../../shared/domain/attendance.js';

/** Who a credential stood for, as the event log, the repeat check and the re-check at confirm need it. */
export interface Identity {
  companionId: string;
  /** The roster's credential row; null for a city phone code the roster does not list yet. */
  credentialId: string | null;
  /** Two presentations with the same key within the repeat window are one. */
  repeatKey: string;
  /** The roster row to look at again at confirm (revoked or re-issued since?); null when the roster has none. */
  roster: { kind: 'rfid' | 'qr'; value: string; version: number } | null;
}

/** The ways a companion identifies themselves at the door (overrides are staff acts, not scans). */
export type CredentialMethod = Extract<EventMethod, 'rfid' | 'qr'>;

/** One child as offered: the action proposed, and whether the door asked "is the child leaving?". */
export interface OfferedChild {
  action: EventKind;
  askedLeaving: boolean;
}

export interface Offer {
  who: Identity;
  method: CredentialMethod;
  /** What the credential showed, as refused attempts keep it. */
  presented: string;
  companionFirstName: string;
  children: ReadonlyMap<string, OfferedChild>;
  expiresAtMs: number;
  /** open: may be confirmed; used: recorded once, never again; stale: the world changed, only renewable. */
  state: 'open' | 'used' | 'stale';
}

export const OFFER_TTL_MS = 60_000;
/** More than any door sees at once (a few companions in a minute); the oldest goes first past it. */
export const MAX_OFFERS = 64;

export class DoorOffers {
  private readonly offers = new Map<string, Offer>();

  constructor(private readonly limits: { ttlMs: number; max: number } = { ttlMs: OFFER_TTL_MS, max: MAX_OFFERS }) {}

  add(offer: Omit<Offer, 'expiresAtMs' | 'state'>, nowMs: number): string {
    this.forgetOld(nowMs);
    const id = randomUUID();
    this.offers.set(id, { ...offer, expiresAtMs: nowMs + this.limits.ttlMs, state: 'open' });
    // A Map iterates in insertion order: the first key is the oldest offer.
    while (this.offers.size > this.limits.max) {
      const oldest = this.offers.keys().next();
      if (oldest.done === true) break;
      this.offers.delete(oldest.value);
    }
    return id;
  }

  /** The offer under this id, or null when it was never made, has lapsed or was pushed out. */
  get(id: string, nowMs: number): Offer | null {
    this.forgetOld(nowMs);
    return this.offers.get(id) ?? null;
  }

  delete(id: string): void {
    this.offers.delete(id);
  }

  get size(): number {
    return this.offers.size;
  }

  private forgetOld(nowMs: number): void {
    for (const [id, offer] of this.offers) if (offer.expiresAtMs <= nowMs) this.offers.delete(id);
  }
}
