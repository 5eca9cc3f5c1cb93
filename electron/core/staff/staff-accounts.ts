// Staff identity: who may sign in (roster staff with a PIN), staff cards, PIN checks with a lockout that grows,
// and the first admin. Every attempt, right or wrong, leaves an audit row (sign-in-ledger.ts: held in memory while
// the disk is full).
//
// A PIN check waits for scrypt off the core's thread. The checks of one member on one channel run one after another
// (KeyedQueue), each reading the lock as the one before left it: twenty guesses sent at once are twenty attempts in
// a row, the fifth wrong one locks, and the fifteen behind it are refused unchecked, as if typed one by one.
//
// The lock is per channel (sign-in-ledger.ts): by name, which anyone at the door can try from the name list, and by
// staff card, which needs the card in hand. A brute force stays slow on each (five guesses, then a lock that doubles
// up to a day), and a stranger guessing by name cannot keep a member who holds a staff card out.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { CardNumber } from '../../../shared/credentials/card-number.js';
import { hhmmOf, toLocalTime, type LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { StaffRole } from '../../../shared/staff/staff-domain.js';
import { KeyedQueue } from './keyed-queue.js';
import { hashPin, hashPinWhileOpening, pinMatches, type PinHash } from './pin-hash.js';
import { NO_LOCK, type LockState, type SignInLedger } from './sign-in-ledger.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';
import type { StaffAudit } from '../ledger/staff-audit.js';
import { recordStaffCard } from './staff-card-register.js';
import { pinBody, recordStaffEdit } from './staff-registers.js';

/** Wrong PINs in a row before the account locks. */
export const FAILURES_BEFORE_LOCK = 5;
/** The first lock; each further lock (without a good PIN between) doubles it. */
export const FIRST_LOCK_MS = 60_000;
/** A kiosk left to a guesser for days should not lock its staff out for months. */
const LONGEST_LOCK_MS = 24 * 3_600_000;

/** What asked for the PIN, for the trail: a sign-in by name or card, the old PIN of a change, an admin's own PIN. */
export type PinVia = 'name' | 'card' | 'pin-change' | 'pin-set' | 'confirm';

export type PinCheck =
  | { outcome: 'signed-in'; member: StaffMember }
  | { outcome: 'wrong-pin'; attemptsLeft: number }
  | { outcome: 'locked'; until: string }
  | { outcome: 'unknown' };

interface PinRow {
  hash: Buffer;
  salt: Buffer;
  params: string;
}

interface MemberRow {
  id: string;
  first_name: string;
  last_name: string;
  role: StaffRole;
}

const memberOf = (row: MemberRow): StaffMember => ({ id: row.id, firstName: row.first_name, lastName: row.last_name, role: row.role });

export class StaffAccounts {
  private readonly checks = new KeyedQueue();

  constructor(
    private readonly db: Database,
    private readonly audit: StaffAudit,
    private readonly ledger: SignInLedger,
    /** The install's pepper, read only when a PIN is set or checked (staff/pin-pepper.ts). */
    private readonly pepper: () => Buffer,
  ) {}

  member(staffId: string): StaffMember | null {
    const row = this.db.prepare<[string], MemberRow>('SELECT id, first_name, last_name, role FROM staff WHERE id = ? AND active = 1').get(staffId);
    return row ? memberOf(row) : null;
  }

  /** Active staff who have a PIN: the name buttons of the sign-in screen. */
  withPins(): StaffMember[] {
    return this.db
      .prepare<[], MemberRow>(
        `SELECT s.id, s.first_name, s.last_name, s.role FROM staff s JOIN staff_pins p ON p.staff_id = s.id
          WHERE s.active = 1 ORDER BY s.role = 'admin' DESC, s.first_name, s.last_name`,
      )
      .all()
      .map(memberOf);
  }

  needsFirstAdmin(): boolean {
    return (
      this.db.prepare(`SELECT 1 FROM staff s JOIN staff_pins p ON p.staff_id = s.id WHERE s.role = 'admin' AND s.active = 1 LIMIT 1`).get() ===
      undefined
    );
  }

  /** The PIN's hash with the install's pepper: scrypt's ~50 ms, off the core's thread and outside any transaction. */
  hashFor(pin: string): Promise<PinHash> {
    return hashPin(pin, this.pepper());
  }

  /** The same on the calling thread: only for the demo's PINs, seeded while the kiosk opens. */
  hashWhileOpening(pin: string): PinHash {
    return hashPinWhileOpening(pin, this.pepper());
  }

  /**
   * Stores a hash made by hashFor as the member's PIN; the failure counters and any lock start afresh. The PIN travels
   * to the kindergarten's other machines as its peppered hash (a staff-pin record), and a lock it clears as an unlock
   * beside it (a staff-pin's base names a PIN, never a lock: docs/peers.md §6), all in this one transaction.
   */
  storePin(staffId: string, pin: PinHash, at: LocalTime, setBy: string | null = null): void {
    const { hash, salt, params } = pin;
    this.db.transaction(() => {
      const locked = (['name', 'card'] as const).filter((channel) => this.ledger.lockState(staffId, channel).lockedUntilMs !== null);
      this.db
        .prepare(
          `INSERT INTO staff_pins (staff_id, hash, salt, params, set_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(staff_id) DO UPDATE SET hash = excluded.hash, salt = excluded.salt, params = excluded.params,
             set_at = excluded.set_at, failed_count = 0, lock_count = 0, locked_until_ms = NULL,
             card_failed_count = 0, card_lock_count = 0, card_locked_until_ms = NULL`,
        )
        .run(staffId, hash, salt, params, at.iso);
      recordStaffEdit(this.db, { kind: 'staff-pin', body: pinBody(staffId, pin, at.iso, setBy) }, at.ms);
      for (const channel of locked) recordStaffEdit(this.db, { kind: 'staff-lock', body: { staffId, channel, untilMs: null } }, at.ms);
    })();
    this.ledger.forget(staffId);
  }

  /** A member's wrong-PIN count and lock on a channel, including what waits in memory for a full disk. */
  lockOf(staffId: string, channel: SignInChannel): LockState {
    return this.ledger.lockState(staffId, channel);
  }

  /** An admin cleared the member's counters in the database (unlock): what was held for them is superseded. */
  locksCleared(staffId: string): void {
    this.ledger.forget(staffId);
  }

  /** A staff card given out while the kiosk opens (the demo's), with its record in one transaction. */
  addCard(staffId: string, canonical: string, at: LocalTime): void {
    const cardId = uuidv7();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO staff_cards (id, staff_id, value) VALUES (?, ?, ?)').run(cardId, staffId, canonical);
      recordStaffCard(this.db, { cardId, staffId, value: canonical, revokedAt: null }, at.ms);
    })();
  }

  /** The staff member a card reading stands for; like the door's look-up, a guess counts only when one card fits. */
  staffIdForCard(card: CardNumber): string | null {
    const find = this.db.prepare<[string], { staff_id: string }>('SELECT staff_id FROM staff_cards WHERE value = ? AND revoked_at IS NULL');
    if (!card.partial) {
      const exact = find.get(card.canonical);
      if (exact) return exact.staff_id;
    }
    const hits = (card.partial ? [card.canonical, ...card.alternatives] : card.alternatives).flatMap((v) => find.get(v) ?? []);
    return hits.length === 1 && hits[0] ? hits[0].staff_id : null;
  }

  /** Creates the kindergarten's first admin with a PIN, only while no admin has one (the desk refuses a weak PIN first). */
  async createFirstAdmin(firstName: string, lastName: string, pin: string, at: LocalTime): Promise<StaffMember | null> {
    if (!this.needsFirstAdmin()) return null;
    const hash = await this.hashFor(pin);
    return this.db
      .transaction(() => {
        // Asked again: another setup may have finished while this PIN was hashed.
        if (!this.needsFirstAdmin()) return null;
        const id = `staff-${uuidv7()}`;
        this.db.prepare(`INSERT INTO staff (id, first_name, last_name, role, origin) VALUES (?, ?, ?, 'admin', 'local')`).run(id, firstName, lastName);
        recordStaffEdit(this.db, { kind: 'staff-account', body: { staffId: id, firstName, lastName, role: 'admin', active: true, origin: 'local' } }, at.ms);
        this.storePin(id, hash, at, id);
        this.audit.record('first-admin-created', id, at, {}, id);
        return { id, firstName, lastName, role: 'admin' } satisfies StaffMember;
      })
      .immediate();
  }

  /** An attempt with no account behind it (an unknown card, a name without a PIN): logged, nothing else. */
  refuseUnknown(why: string, at: LocalTime, staffId: string | null = null, card: string | null = null): PinCheck {
    this.ledger.commit({ audit: [this.audit.entry('sign-in-failed', staffId, at, { why, card })] });
    return { outcome: 'unknown' };
  }

  /**
   * Checks a PIN presented on a channel: a good one signs in and clears that channel's counters; the fifth wrong one
   * in a row locks the channel, for a minute, then two, four… up to a day, until a good PIN on it. The other channel
   * is not touched: a stranger's guesses by name leave the card holder's way in open, and a good PIN by card does not
   * reset the stranger's growing lock on the name.
   */
  checkPin(staffId: string, pin: string, via: PinVia, channel: SignInChannel, at: LocalTime): Promise<PinCheck> {
    return this.checks.run(`${channel} ${staffId}`, () => this.checkInTurn(staffId, pin, via, channel, at));
  }

  private async checkInTurn(staffId: string, pin: string, via: PinVia, channel: SignInChannel, at: LocalTime): Promise<PinCheck> {
    const member = this.member(staffId);
    const stored = member && this.db.prepare<[string], PinRow>('SELECT hash, salt, params FROM staff_pins WHERE staff_id = ?').get(staffId);
    if (!member || !stored) return this.refuseUnknown(member ? 'no-pin' : 'unknown-staff', at, member ? staffId : null);
    const before = this.ledger.lockState(staffId, channel);
    if (before.lockedUntilMs !== null && before.lockedUntilMs > at.ms) {
      // Not even checked: a locked account gives a guesser nothing, but the try is on record.
      this.ledger.commit({ audit: [this.audit.entry('sign-in-failed', staffId, at, { why: 'locked', via, channel })] });
      return { outcome: 'locked', until: this.hhmm(before.lockedUntilMs, at) };
    }
    const matches = await pinMatches(pin, this.pepper(), stored);
    // Read again after the wait: an admin may have unlocked the account meanwhile.
    const lock = this.ledger.lockState(staffId, channel);
    if (matches) {
      if (lock.failed !== 0 || lock.locks !== 0 || lock.lockedUntilMs !== null) this.ledger.commit({ lock: { staffId, channel, state: NO_LOCK } });
      return { outcome: 'signed-in', member };
    }
    const failures = lock.failed + 1;
    const failed = this.audit.entry('sign-in-failed', staffId, at, { why: 'wrong-pin', via, channel, failures });
    if (failures < FAILURES_BEFORE_LOCK) {
      this.ledger.commit({ lock: { staffId, channel, state: { ...lock, failed: failures } }, audit: [failed] });
      return { outcome: 'wrong-pin', attemptsLeft: FAILURES_BEFORE_LOCK - failures };
    }
    const lockMs = Math.min(FIRST_LOCK_MS * 2 ** lock.locks, LONGEST_LOCK_MS);
    const until = at.ms + lockMs;
    const locked = this.audit.entry('account-locked', staffId, at, { why: 'wrong-pin', channel, failures, lockSeconds: lockMs / 1000, lockNumber: lock.locks + 1 });
    this.ledger.commit({ lock: { staffId, channel, state: { failed: 0, locks: lock.locks + 1, lockedUntilMs: until } }, audit: [failed, locked] });
    return { outcome: 'locked', until: this.hhmm(until, at) };
  }

  private hhmm(ms: number, at: LocalTime): string {
    return hhmmOf(toLocalTime(new Date(ms), at.offsetMinutes).iso);
  }
}
