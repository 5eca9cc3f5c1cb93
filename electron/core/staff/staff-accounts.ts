// Staff identity: who may sign in (roster staff with a PIN), staff cards, PIN checks with a lockout that grows,
// and the first admin. Every attempt, right or wrong, leaves an audit row in the same transaction as its effect.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { CardNumber } from '../../../shared/credentials/card-number.js';
import { hhmmOf, toLocalTime, type LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { StaffRole } from '../../../shared/staff/staff-domain.js';
import { hashPin, pinMatches, type PinHash } from './pin-hash.js';
import type { StaffAudit } from './staff-audit.js';

/** Wrong PINs in a row before the account locks. */
export const FAILURES_BEFORE_LOCK = 5;
/** The first lock; each further lock (without a good PIN between) doubles it. */
export const FIRST_LOCK_MS = 60_000;
/** A kiosk left to a guesser for days should not lock its staff out for months. */
const LONGEST_LOCK_MS = 24 * 3_600_000;

export type PinCheck =
  | { outcome: 'signed-in'; member: StaffMember }
  | { outcome: 'wrong-pin'; attemptsLeft: number }
  | { outcome: 'locked'; until: string }
  | { outcome: 'unknown' };

interface PinRow {
  hash: Buffer;
  salt: Buffer;
  params: string;
  failed_count: number;
  lock_count: number;
  locked_until_ms: number | null;
}

interface MemberRow {
  id: string;
  first_name: string;
  last_name: string;
  role: StaffRole;
}

const memberOf = (row: MemberRow): StaffMember => ({ id: row.id, firstName: row.first_name, lastName: row.last_name, role: row.role });

export class StaffAccounts {
  constructor(
    private readonly db: Database,
    private readonly audit: StaffAudit,
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

  /** Sets (or replaces) a PIN; the failure counters start afresh. */
  setPin(staffId: string, pin: string, at: LocalTime): void {
    this.storePin(staffId, this.hashFor(pin), at);
  }

  /** The PIN's hash with the install's pepper: scrypt's ~50 ms, best spent outside a write transaction. */
  hashFor(pin: string): PinHash {
    return hashPin(pin, this.pepper());
  }

  /** Stores a hash made by hashFor as the member's PIN; the failure counters and any lock start afresh. */
  storePin(staffId: string, { hash, salt, params }: PinHash, at: LocalTime): void {
    this.db
      .prepare(
        `INSERT INTO staff_pins (staff_id, hash, salt, params, set_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(staff_id) DO UPDATE SET hash = excluded.hash, salt = excluded.salt, params = excluded.params,
           set_at = excluded.set_at, failed_count = 0, lock_count = 0, locked_until_ms = NULL`,
      )
      .run(staffId, hash, salt, params, at.iso);
  }

  addCard(staffId: string, canonical: string): void {
    this.db.prepare('INSERT INTO staff_cards (id, staff_id, value) VALUES (?, ?, ?)').run(uuidv7(), staffId, canonical);
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
  createFirstAdmin(firstName: string, lastName: string, pin: string, at: LocalTime): StaffMember | null {
    return this.db
      .transaction(() => {
        if (!this.needsFirstAdmin()) return null;
        const id = `staff-${uuidv7()}`;
        this.db.prepare(`INSERT INTO staff (id, first_name, last_name, role, origin) VALUES (?, ?, ?, 'admin', 'local')`).run(id, firstName, lastName);
        this.setPin(id, pin, at);
        this.audit.record('first-admin-created', id, at, {}, id);
        return { id, firstName, lastName, role: 'admin' } satisfies StaffMember;
      })
      .immediate();
  }

  /** An attempt with no account behind it (an unknown card, a name without a PIN): logged, nothing else. */
  refuseUnknown(why: string, at: LocalTime, staffId: string | null = null, card: string | null = null): PinCheck {
    this.audit.record('sign-in-failed', staffId, at, { why, card });
    return { outcome: 'unknown' };
  }

  /**
   * Checks a PIN: a good one signs in and clears the counters; the fifth wrong one in a row locks the account. `via`
   * says what asked, for the trail: a sign-in by name or card, the old PIN of a change, or an admin's own PIN that
   * confirms setting another admin's.
   */
  checkPin(staffId: string, pin: string, via: 'name' | 'card' | 'pin-change' | 'pin-set', at: LocalTime): PinCheck {
    const member = this.member(staffId);
    const row = member && this.db.prepare<[string], PinRow>('SELECT * FROM staff_pins WHERE staff_id = ?').get(staffId);
    if (!member || !row) return this.refuseUnknown(member ? 'no-pin' : 'unknown-staff', at, member ? staffId : null);
    if (row.locked_until_ms !== null && row.locked_until_ms > at.ms) {
      // Not even checked: a locked account gives a guesser nothing, but the try is on record.
      this.audit.record('sign-in-failed', staffId, at, { why: 'locked', via });
      return { outcome: 'locked', until: this.hhmm(row.locked_until_ms, at) };
    }
    // scrypt runs before the write transaction, so the database is not held for its ~50 ms.
    const matches = pinMatches(pin, this.pepper(), row);
    return this.db
      .transaction((): PinCheck => {
        if (matches) {
          this.db.prepare('UPDATE staff_pins SET failed_count = 0, lock_count = 0, locked_until_ms = NULL WHERE staff_id = ?').run(staffId);
          return { outcome: 'signed-in', member };
        }
        const failures = row.failed_count + 1;
        this.audit.record('sign-in-failed', staffId, at, { why: 'wrong-pin', via, failures });
        if (failures < FAILURES_BEFORE_LOCK) {
          this.db.prepare('UPDATE staff_pins SET failed_count = ? WHERE staff_id = ?').run(failures, staffId);
          return { outcome: 'wrong-pin', attemptsLeft: FAILURES_BEFORE_LOCK - failures };
        }
        const lockMs = Math.min(FIRST_LOCK_MS * 2 ** row.lock_count, LONGEST_LOCK_MS);
        const until = at.ms + lockMs;
        this.db
          .prepare('UPDATE staff_pins SET failed_count = 0, lock_count = lock_count + 1, locked_until_ms = ? WHERE staff_id = ?')
          .run(until, staffId);
        this.audit.record('account-locked', staffId, at, { why: 'wrong-pin', failures, lockSeconds: lockMs / 1000, lockNumber: row.lock_count + 1 });
        return { outcome: 'locked', until: this.hhmm(until, at) };
      })
      .immediate();
  }

  private hhmm(ms: number, at: LocalTime): string {
    return hhmmOf(toLocalTime(new Date(ms), at.offsetMinutes).iso);
  }
}
