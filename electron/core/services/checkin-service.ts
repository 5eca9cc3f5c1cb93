// The door's path: credential → companion → children → events on disk → receipt for the screen.
import { randomUUID } from 'node:crypto';
import type { ChildAtDoor, CheckinReceipt, ScanOutcome, StaffAlert } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { normalizeCardNumber, readingText } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import { nextActionFor, type EventKind, type EventMethod } from '../../../shared/domain/attendance.js';
import { hhmmOf, toLocalTime, type LocalTime } from '../../../shared/domain/local-time.js';
import { presentedQr } from '../credentials/qr-presented.js';
import type { QrVerdict } from '../credentials/qr-verifier.js';
import type { Clock } from '../time/clock.js';
import type { AttendanceLog } from './attendance-log.js';
import { findCardCredential } from './card-lookup.js';
import type { RefusedAttempts } from './refused-attempts.js';
import type { LinkedChildRow, RosterStore } from './roster-store.js';
import type { SettingsStore } from './settings-store.js';

/** Who a credential stood for, as the event log and the repeat check need it. */
interface Identity {
  companionId: string;
  /** The roster's credential row; null for a city phone code the roster does not list yet. */
  credentialId: string | null;
  /** Two presentations with the same key within the repeat window are one. */
  repeatKey: string;
}

/** A companion identified, waiting for the children to be confirmed. */
interface PendingScan {
  who: Identity;
  method: CredentialMethod;
  /** What the credential showed, as refused attempts keep it. */
  presented: string;
  companionFirstName: string;
  childIds: ReadonlySet<string>;
  expiresAtMs: number;
  receipt?: CheckinReceipt;
}

const SCAN_TTL_MS = 60_000;

/** The ways a companion identifies themselves at the door (overrides are staff acts, not scans). */
type CredentialMethod = Extract<EventMethod, 'rfid' | 'qr'>;

export class CheckinService {
  private readonly pending = new Map<string, PendingScan>();
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
    return this.identified({ companionId: credential.companion_id, credentialId: credential.id, repeatKey: credential.id }, 'rfid', value, at);
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
    const repeatKey = verdict.credentialId ?? `qr:${verdict.payload.credentialId}`;
    return this.identified({ companionId: verdict.companionId, credentialId: verdict.credentialId, repeatKey }, 'qr', presented, at);
  }

  confirm(scanId: string, childIds: readonly string[]): Result<CheckinReceipt> {
    const at = this.now();
    const scan = this.pending.get(scanId);
    if (!scan || scan.expiresAtMs < at.ms) return fail('SCAN_EXPIRED');
    // A second press of Confirm (or the auto-confirm racing a press) shows the same receipt.
    if (scan.receipt) return ok(scan.receipt);
    const stranger = childIds.find((id) => !scan.childIds.has(id));
    if (stranger !== undefined) return fail('INVALID_REQUEST', `child ${stranger} is not offered by this scan`);
    const linked = this.deps.roster.childrenOf(scan.who.companionId).filter((c) => childIds.includes(c.id));
    const requested = linked.map((row) => this.childAtDoor(row, at));
    // The UI never offers a child this companion may not take; if one comes anyway, staff hear of it.
    this.alertOnRefusedPickup(requested.filter((c) => !c.allowed), scan.companionFirstName, scan.method, scan.presented, at);
    const chosen = requested.filter((c) => c.allowed);
    if (chosen.length === 0) return fail('NO_CHILDREN', 'none of the chosen children may be taken by this companion now');
    scan.receipt = this.record(scan, chosen, at);
    return ok(scan.receipt);
  }

  cancel(scanId: string): void {
    this.pending.delete(scanId);
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
    if (!children.some((c) => c.allowed)) this.alertOnRefusedPickup(children, companion.first_name, method, presented, at);
    const scan: PendingScan = {
      who,
      method,
      presented,
      companionFirstName: companion.first_name,
      childIds: new Set(children.map((c) => c.id)),
      expiresAtMs: at.ms + SCAN_TTL_MS,
    };
    const only = children.length === 1 ? children[0] : undefined;
    if (only?.allowed && !only.askBeforeLeaving) {
      // One child and nothing to choose or ask: record at once, so the tap itself is the check-in.
      return ok({ kind: 'recorded', receipt: this.record(scan, [only], at) });
    }
    const scanId = randomUUID();
    this.pending.set(scanId, scan);
    return ok({
      kind: 'choose',
      scanId,
      companionFirstName: companion.first_name,
      children,
      autoConfirmMs: this.deps.settings.get('autoConfirmSeconds') * 1000,
    });
  }

  /** The companion sees only "ask a staff member"; staff get an alert and the admins a refused attempt. */
  private alertOnRefusedPickup(children: readonly ChildAtDoor[], companionFirstName: string, method: CredentialMethod, presented: string, at: LocalTime): void {
    const refused = children.filter((c) => !c.allowed && c.action === 'departure');
    if (refused.length === 0) return;
    this.deps.refused.record(method, presented, 'pickup-not-allowed', at);
    this.deps.alert?.({
      id: randomUUID(),
      kind: 'pickup-not-allowed',
      companionFirstName,
      childFirstNames: refused.map((c) => c.firstName),
      at: at.hhmm,
    });
  }

  private childAtDoor(row: LinkedChildRow, at: LocalTime): ChildAtDoor {
    const last = this.deps.log.lastEventOn(row.id, at.localDate);
    const action: EventKind = nextActionFor(last?.kind ?? null);
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
      askBeforeLeaving: allowed && action === 'departure' && arrivedAt !== null && this.arrivedJustNow(arrivedAt, at),
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

  private record(scan: PendingScan, children: readonly ChildAtDoor[], at: LocalTime): CheckinReceipt {
    this.deps.log.append(
      children.map((c) => ({
        childId: c.id,
        kind: c.action,
        method: scan.method,
        companionId: scan.who.companionId,
        credentialId: scan.who.credentialId,
        staffId: null,
      })),
      at,
    );
    const receipt: CheckinReceipt = {
      companionFirstName: scan.companionFirstName,
      entries: children.map((c) => ({ childId: c.id, firstName: c.firstName, groupName: c.groupName, kind: c.action, at: at.hhmm })),
    };
    this.recent.set(scan.who.repeatKey, { receipt, atMs: at.ms });
    return receipt;
  }

  private forgetOld(nowMs: number): void {
    for (const [id, scan] of this.pending) if (scan.expiresAtMs < nowMs) this.pending.delete(id);
    for (const [id, r] of this.recent) if (nowMs - r.atMs > 600_000) this.recent.delete(id);
  }

  private now(): LocalTime {
    return toLocalTime(this.deps.clock.now(), this.deps.clock.offsetMinutes);
  }
}
