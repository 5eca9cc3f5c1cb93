// The door's path: credential → companion → children → events on disk → receipt for the screen.
import { randomUUID } from 'node:crypto';
import type { ChildAtDoor, CheckinReceipt, DoorQuestion, ScanOutcome, StaffAlert } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { normalizeCardNumber, readingText, type CardNumber } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import { doorActionFor, type EventKind } from '../../../shared/domain/attendance.js';
import { hhmmOf, toLocalTime, type LocalTime } from '../../../shared/domain/local-time.js';
import { presentedQr } from '../credentials/qr-presented.js';
import type { QrVerdict } from '../credentials/qr-verifier.js';
import { zoneOf, type Clock } from '../time/clock.js';
import { DoorOffers, type CredentialMethod, type Identity, type Offer, type OfferedChild } from './door-offers.js';
import type { AttendanceLog } from '../ledger/attendance-log.js';
import { findCardCredential } from '../roster/card-lookup.js';
import type { RefusedAttempts } from './refused-attempts.js';
import type { LinkedChildRow, RosterStore } from '../roster/roster-store.js';
import type { SettingsStore } from '../ledger/settings-store.js';

/** A child as the door sees it now, with what the screen must ask. */
interface DoorChild extends ChildAtDoor {
  /** A departure soon after today's arrival: recorded only on the companion's yes. */
  askLeaving: boolean;
}

export class CheckinService {
  private readonly offers = new DoorOffers();
  private readonly recent = new Map<string, { receipt: CheckinReceipt; atMs: number }>();

  constructor(
    private readonly deps: {
      clock: Clock;
      log: AttendanceLog;
      roster: RosterStore;
      refused: RefusedAttempts;
      settings: SettingsStore;
      /** Checks a QR text against the trusted keys, this kindergarten, the clock and the roster. */
      verifyQr: (text: string, now: Date) => QrVerdict;
      /** Told when staff must step in, e.g. someone tried to collect a child they may not take. */
      alert?: (alert: StaffAlert) => void;
      /** Whether a card no companion holds is a staff member's: then it is for the staff sign-in, not a refusal. */
      isStaffCard?: (card: CardNumber) => boolean;
    },
  ) {}

  /** `format`: how the reader that read `raw` writes card numbers ('canonical' for a card the core's HID readers read). */
  identifyCard(raw: string, format: ReaderFormat | 'canonical' = 'auto'): Result<ScanOutcome> {
    const at = this.now();
    const card = normalizeCardNumber(raw, format);
    if (!card) {
      this.deps.refused.record('rfid', raw, 'unreadable-card', at);
      return fail('CARD_UNREADABLE');
    }
    const match = findCardCredential(this.deps.roster, card);
    // Not an unknown card, and not a refused attempt: the duty teacher tapped her own card to sign in.
    if (match.kind === 'unknown' && this.deps.isStaffCard?.(card) === true) return fail('STAFF_CARD');
    if (match.kind !== 'found') {
      // readingText: a W26 reading is kept as "103,12632", so admins see that only 24 bits were read.
      this.deps.refused.record('rfid', readingText(card), match.kind === 'ambiguous' ? 'ambiguous-card' : 'unknown-card', at);
      return fail('UNKNOWN_CARD', match.kind === 'ambiguous' ? `the reading fits ${match.values.length} enrolled cards` : undefined);
    }
    const { credential, value } = match;
    if (credential.revoked_at !== null) {
      this.deps.refused.record('rfid', value, 'revoked-card', at);
      return fail('CARD_REVOKED');
    }
    const who: Identity = {
      companionId: credential.companion_id,
      credentialId: credential.id,
      repeatKey: credential.id,
      roster: { kind: 'rfid', value, version: credential.version },
    };
    return this.identified(who, 'rfid', value, at);
  }

  identifyQr(text: string): Result<ScanOutcome> {
    const at = this.now();
    const verdict = this.deps.verifyQr(text, new Date(at.ms));
    // Never the text itself: a refused code may be someone's working pass (qr-presented.ts).
    const presented = presentedQr(text, verdict.payload);
    if (!verdict.ok) {
      this.deps.refused.record('qr', presented, verdict.reason, at);
      return fail(verdict.code, verdict.detail);
    }
    const { payload } = verdict;
    const who: Identity = {
      companionId: verdict.companionId,
      credentialId: verdict.credentialId,
      repeatKey: verdict.credentialId ?? `qr:${payload.credentialId}`,
      roster: verdict.credentialId === null ? null : { kind: 'qr', value: payload.credentialId, version: payload.credentialVersion },
    };
    return this.identified(who, 'qr', presented, at);
  }

  /**
   * Records what the offer proposed for the chosen children, once, after checking every rule again now: whatever
   * calls the core (a screen, a script), nothing else is recorded and nothing is recorded twice.
   */
  confirm(offerId: string, childIds: readonly string[], leavingNow: readonly string[]): Result<CheckinReceipt> {
    const at = this.now();
    const offer = this.offers.get(offerId, at.ms);
    if (!offer) return fail('OFFER_EXPIRED', 'no such offer is kept (never made, lapsed, or pushed out by newer ones)');
    if (offer.state === 'used') return fail('OFFER_USED');
    if (offer.state === 'stale') return fail('OFFER_STALE', 'identify again (renewOffer)');
    const stranger = childIds.find((id) => !offer.children.has(id));
    if (stranger !== undefined) return fail('INVALID_REQUEST', `child ${stranger} is not in this offer`);
    const revoked = this.revokedSince(offer, at);
    if (revoked) {
      this.offers.delete(offerId);
      return revoked;
    }
    const recent = this.recent.get(offer.who.repeatKey);
    if (recent && at.ms - recent.atMs < this.deps.settings.get('repeatWindowSeconds') * 1000) {
      return fail('ALREADY_RECORDED', `recorded for this credential at ${recent.receipt.entries[0]?.at ?? '?'}`);
    }
    const now = new Map(this.deps.roster.childrenOf(offer.who.companionId).map((row) => [row.id, this.childAtDoor(row, at)]));
    const chosen: DoorChild[] = [];
    for (const id of childIds) {
      const current = now.get(id);
      const offered = offer.children.get(id);
      // Recorded by someone else meanwhile (the other parent, a staff override), or unlinked: never record another action.
      if (!current || !offered || current.action !== offered.action) {
        offer.state = 'stale';
        return fail('OFFER_STALE', `child ${id}: offered ${offered?.action ?? '?'}, now ${current?.action ?? 'not linked'}`);
      }
      chosen.push(current);
    }
    const refused = chosen.filter((c) => !c.allowed);
    if (refused.length > 0) {
      // The screen never offers such a child for choosing; if one comes anyway, staff hear of it.
      this.alertOnRefusedPickup(refused, offer.who.companionId, offer.companionFirstName, offer.method, offer.presented, at);
      return fail('PICKUP_NOT_ALLOWED', `may not take ${refused.map((c) => c.id).join(', ')} now`);
    }
    const unanswered = chosen.filter((c) => (c.askLeaving || offer.children.get(c.id)?.askedLeaving === true) && !leavingNow.includes(c.id));
    if (unanswered.length > 0) return fail('LEAVING_NOT_CONFIRMED', `no yes to "leaving?" for ${unanswered.map((c) => c.id).join(', ')}`);
    const receipt = this.record(offer, chosen, at);
    offer.state = 'used';
    return ok(receipt);
  }

  /** An offer the world overtook (OFFER_STALE), identified again from the credential it was made for. */
  renew(offerId: string): Result<ScanOutcome> {
    const at = this.now();
    const offer = this.offers.get(offerId, at.ms);
    if (!offer) return fail('OFFER_EXPIRED');
    if (offer.state !== 'stale') return fail('INVALID_REQUEST', `the offer is ${offer.state}, not stale`);
    this.offers.delete(offerId);
    return this.revokedSince(offer, at) ?? this.identified(offer.who, offer.method, offer.presented, at);
  }

  cancel(offerId: string): void {
    this.offers.delete(offerId);
  }

  /** The credential behind an offer was revoked, re-issued or given to someone else since: refused, and kept for admins. */
  private revokedSince(offer: Offer, at: LocalTime): Result<never> | null {
    const held = offer.who.roster;
    if (held === null) return null;
    const row = this.deps.roster.credential(held.kind, held.value);
    if (row && row.revoked_at === null && row.version <= held.version && row.companion_id === offer.who.companionId) return null;
    const detail = row ? (row.revoked_at !== null ? `revoked at ${row.revoked_at}` : 're-issued or moved since the offer') : 'removed from the roster';
    if (held.kind === 'rfid') {
      this.deps.refused.record('rfid', offer.presented, 'revoked-card', at);
      return fail('CARD_REVOKED', detail);
    }
    this.deps.refused.record('qr', offer.presented, 'qr-revoked', at);
    return fail('QR_REVOKED', detail);
  }

  private identified(who: Identity, method: CredentialMethod, presented: string, at: LocalTime): Result<ScanOutcome> {
    this.forgetOld(at.ms);
    const recent = this.recent.get(who.repeatKey);
    if (recent && at.ms - recent.atMs < this.deps.settings.get('repeatWindowSeconds') * 1000) {
      return ok({ kind: 'repeat', receipt: recent.receipt });
    }
    const companion = this.deps.roster.companion(who.companionId);
    const children = this.deps.roster.childrenOf(who.companionId).map((row) => this.childAtDoor(row, at));
    if (!companion || children.length === 0) {
      this.deps.refused.record(method, presented, 'no-children', at);
      return fail('NO_CHILDREN');
    }
    // Someone who may act on at least one child is not trying to take the others (a nanny bringing one child while
    // her sibling, whom the nanny may not collect, is already in): those are only shown greyed out.
    if (!children.some((c) => c.allowed)) this.alertOnRefusedPickup(children, who.companionId, companion.first_name, method, presented, at);
    const offer = {
      who,
      method,
      presented,
      companionFirstName: companion.first_name,
      children: new Map<string, OfferedChild>(children.map((c) => [c.id, { action: c.action, askedLeaving: c.askLeaving }])),
    };
    const only = children.length === 1 ? children[0] : undefined;
    if (only?.allowed && !only.askLeaving) {
      // One child and nothing to choose or ask: record at once, so the tap itself is the check-in.
      return ok({ kind: 'recorded', receipt: this.record(offer, [only], at) });
    }
    const offerId = this.offers.add(offer, at.ms);
    return ok({
      kind: 'choose',
      offerId,
      companionFirstName: companion.first_name,
      children: children.map(shownChild),
      questions: children.flatMap((c) => questionsFor(c)),
      autoConfirmMs: this.deps.settings.get('autoConfirmSeconds') * 1000,
    });
  }

  /** The companion sees only "ask a staff member"; staff get an alert and the admins a refused attempt. */
  private alertOnRefusedPickup(children: readonly ChildAtDoor[], companionId: string, companionFirstName: string, method: CredentialMethod, presented: string, at: LocalTime): void {
    const refused = children.filter((c) => !c.allowed && c.action === 'departure');
    if (refused.length === 0) return;
    this.deps.refused.record(method, presented, 'pickup-not-allowed', at);
    this.deps.alert?.({
      id: randomUUID(),
      kind: 'pickup-not-allowed',
      companionFirstName,
      childFirstNames: refused.map((c) => c.firstName),
      // The same companion refused for the same children again today is the same kept alert, seen once more.
      companionId,
      childIds: refused.map((c) => c.id),
      at: at.hhmm,
    });
  }

  private childAtDoor(row: LinkedChildRow, at: LocalTime): DoorChild {
    const last = this.deps.log.lastEventOn(row.id, at.localDate);
    const action: EventKind = doorActionFor(last?.kind ?? null, at.hhmm, this.deps.settings.get('collectCheckFrom'));
    const permitted = action === 'arrival' ? row.may_bring : row.may_collect;
    const allowed = row.blocked === 0 && permitted === 1;
    const arrivedAt = last?.kind === 'arrival' ? last.occurredAt : null;
    return {
      id: row.id,
      firstName: row.first_name,
      groupName: row.group_name,
      action,
      presentSince: arrivedAt === null ? null : hhmmOf(arrivedAt),
      allowed,
      askLeaving: allowed && action === 'departure' && arrivedAt !== null && this.arrivedJustNow(arrivedAt, at),
    };
  }

  /** Whether an arrival is recent enough that a departure now is more likely a second tap than a pick-up. */
  private arrivedJustNow(arrivedAt: string, at: LocalTime): boolean {
    const guardMs = this.deps.settings.get('departureGuardMinutes') * 60_000;
    // Off (0): never ask, whatever the clocks say.
    if (guardMs === 0) return false;
    const arrivedMs = Date.parse(arrivedAt);
    // An unreadable time, or an arrival "later" than now (the clock was set back), cannot prove it is old: ask.
    return Number.isNaN(arrivedMs) || at.ms - arrivedMs < guardMs;
  }

  private record(offer: Pick<Offer, 'who' | 'method' | 'companionFirstName'>, children: readonly ChildAtDoor[], at: LocalTime): CheckinReceipt {
    this.deps.log.append(
      children.map((c) => ({
        childId: c.id,
        kind: c.action,
        method: offer.method,
        companionId: offer.who.companionId,
        credentialId: offer.who.credentialId,
        staffId: null,
      })),
      at,
    );
    const receipt: CheckinReceipt = {
      companionFirstName: offer.companionFirstName,
      entries: children.map((c) => ({ childId: c.id, firstName: c.firstName, groupName: c.groupName, kind: c.action, at: at.hhmm })),
    };
    this.recent.set(offer.who.repeatKey, { receipt, atMs: at.ms });
    return receipt;
  }

  private forgetOld(nowMs: number): void {
    for (const [id, r] of this.recent) if (nowMs - r.atMs > 600_000) this.recent.delete(id);
  }

  private now(): LocalTime {
    return toLocalTime(this.deps.clock.now(), zoneOf(this.deps.clock));
  }
}

/** The child as the screen gets it: what to ask is in the offer's questions. */
function shownChild(child: DoorChild): ChildAtDoor {
  const { id, firstName, groupName, action, presentSince, allowed } = child;
  return { id, firstName, groupName, action, presentSince, allowed };
}

/** What the door asks or tells about one child before it may be recorded. */
function questionsFor(child: DoorChild): DoorQuestion[] {
  if (child.askLeaving && child.presentSince !== null) return [{ kind: 'leaving-soon-after-arrival', childId: child.id, arrivedAt: child.presentSince }];
  if (!child.allowed) return [{ kind: child.action === 'departure' ? 'may-not-collect' : 'may-not-bring', childId: child.id }];
  return [];
}
