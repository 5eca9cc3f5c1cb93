// Managing staff accounts: an admin sets or resets a member's PIN, enrols or withdraws a staff card, unlocks an
// account the wrong-PIN lock closed; a signed-in member changes their own PIN. Each act and its audit row are one
// transaction. A PIN is only ever hashed (before the transaction and off the core's thread: scrypt takes ~50 ms),
// never stored or logged as is.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { normalizeCardNumber } from '../../../shared/credentials/card-number.js';
import type { ReaderFormat } from '../../../shared/credentials/reader-format.js';
import type { CardSource } from '../../../shared/domain/attendance.js';
import { hhmmOf, toLocalTime, type LocalTime, type LocalZone } from '../../../shared/domain/local-time.js';
import { guessableAs } from '../../../shared/staff/pin-rules.js';
import type { CardEnrolOutcome, PinChangeOutcome, PinSetOutcome, StaffAccount, StaffMember } from '../../../shared/staff/staff-contract.js';
import type { StaffRole } from '../../../shared/staff/staff-domain.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';
import type { StaffAccounts } from './staff-accounts.js';
import type { StaffAudit } from '../ledger/staff-audit.js';
import { recordStaffCard } from './staff-card-register.js';
import { recordStaffEdit } from './staff-registers.js';

interface AccountRow {
  id: string;
  first_name: string;
  last_name: string;
  role: StaffRole;
  origin: 'city' | 'local';
  has_pin: 0 | 1;
}

interface CardRow {
  id: string;
  staff_id: string;
  value: string;
  revoked_at: string | null;
}

export class StaffAccountAdmin {
  constructor(
    private readonly deps: {
      db: Database;
      accounts: StaffAccounts;
      audit: StaffAudit;
      /** How a card from this source is written (the keyboard readers' setting, or 'canonical' from HID readers). */
      cardFormat: (source: CardSource) => ReaderFormat | 'canonical';
      /** Where local times are told (time/clock.ts zoneOf). */
      zone: () => LocalZone | undefined;
    },
  ) {}

  /** The roster's active staff, admins first, each with PIN, lock and active cards. */
  list(at: LocalTime): StaffAccount[] {
    const { db } = this.deps;
    const rows = db
      .prepare<[], AccountRow>(
        `SELECT s.id, s.first_name, s.last_name, s.role, s.origin, p.staff_id IS NOT NULL AS has_pin
           FROM staff s LEFT JOIN staff_pins p ON p.staff_id = s.id
          WHERE s.active = 1
          ORDER BY s.role = 'admin' DESC, s.first_name, s.last_name`,
      )
      .all();
    const cards = db.prepare<[string], { id: string; value: string }>('SELECT id, value FROM staff_cards WHERE staff_id = ? AND revoked_at IS NULL ORDER BY value');
    return rows.map((row) => {
      // Either way in may be locked: the later lock and the longer run of wrong PINs are what the admin needs to see.
      const byName = this.deps.accounts.lockOf(row.id, 'name');
      const byCard = this.deps.accounts.lockOf(row.id, 'card');
      const lockedUntilMs = Math.max(byName.lockedUntilMs ?? 0, byCard.lockedUntilMs ?? 0);
      return {
        member: { id: row.id, firstName: row.first_name, lastName: row.last_name, role: row.role },
        origin: row.origin,
        hasPin: row.has_pin === 1,
        lockedUntil: lockedUntilMs > at.ms ? this.hhmm(lockedUntilMs) : null,
        failedAttempts: Math.max(byName.failed, byCard.failed),
        cards: cards.all(row.id).map((c) => ({ id: c.id, canonical: c.value })),
      };
    });
  }

  /**
   * An admin sets or resets a member's PIN; the member's lock and wrong-PIN count are cleared with it. Whoever stands
   * at an admin session left open must not take an admin account over with it: the admin's own PIN is changed only
   * with the old one (changeOwnPin), and another admin's only with the acting admin's own PIN, checked like a sign-in
   * (a wrong one counts towards the lock and is on record; the handler ends the session on a lock).
   */
  async setPin(admin: StaffMember, staffId: string, pin: string, adminPin: string | undefined, at: LocalTime, channel: SignInChannel): Promise<Result<PinSetOutcome>> {
    const { db, accounts, audit } = this.deps;
    const member = accounts.member(staffId);
    if (!member) return fail('INVALID_REQUEST', `no active staff member ${staffId}`);
    if (member.id === admin.id) return fail('STAFF_OWN_PIN', 'an admin changes their own PIN with the old one');
    const weakness = guessableAs(pin);
    if (weakness) return ok({ outcome: 'weak', weakness });
    if (member.role === 'admin') {
      if (adminPin === undefined) return fail('INVALID_REQUEST', "another admin's PIN needs the acting admin's own PIN");
      const check = await accounts.checkPin(admin.id, adminPin, 'pin-set', channel, at);
      if (check.outcome === 'wrong-pin' || check.outcome === 'locked') return ok(check);
      if (check.outcome === 'unknown') return fail('INVALID_REQUEST', 'the acting admin has no PIN');
    }
    const hash = await accounts.hashFor(pin);
    return db
      .transaction((): Result<PinSetOutcome> => {
        const had = db.prepare('SELECT 1 FROM staff_pins WHERE staff_id = ?').get(staffId) !== undefined;
        accounts.storePin(staffId, hash, at, admin.id);
        audit.record('pin-set', admin.id, at, { reset: had }, staffId);
        return ok({ outcome: 'set' });
      })
      .immediate();
  }

  /**
   * A signed-in member changes their own PIN. The old PIN is checked like a sign-in (a wrong one counts towards the
   * lock and is on record), so an unattended session cannot be used to guess it or to take the account over.
   */
  async changeOwnPin(member: StaffMember, oldPin: string, newPin: string, at: LocalTime, channel: SignInChannel): Promise<Result<PinChangeOutcome>> {
    const weakness = guessableAs(newPin);
    if (weakness) return ok({ outcome: 'weak', weakness });
    const check = await this.deps.accounts.checkPin(member.id, oldPin, 'pin-change', channel, at);
    if (check.outcome === 'wrong-pin' || check.outcome === 'locked') return ok(check);
    if (check.outcome === 'unknown') return fail('INVALID_REQUEST', 'no PIN to change');
    const hash = await this.deps.accounts.hashFor(newPin);
    return this.deps.db
      .transaction((): Result<PinChangeOutcome> => {
        this.deps.accounts.storePin(member.id, hash, at, member.id);
        this.deps.audit.record('pin-changed', member.id, at, {}, member.id);
        return ok({ outcome: 'changed' });
      })
      .immediate();
  }

  /** A card tapped on the reader becomes the member's staff card (a withdrawn one may be given out again). */
  enrolCard(admin: StaffMember, staffId: string, raw: string, source: CardSource, at: LocalTime): Result<CardEnrolOutcome> {
    const { db, accounts, audit } = this.deps;
    if (!accounts.member(staffId)) return fail('INVALID_REQUEST', `no active staff member ${staffId}`);
    const card = normalizeCardNumber(raw, this.deps.cardFormat(source));
    // A W26 reading knows 24 of 32 bits: enrolling it could name another card, so it is refused here.
    if (!card || card.partial) return ok({ outcome: 'unreadable' });
    return db
      .transaction((): Result<CardEnrolOutcome> => {
        // Every reading of the tap, not the main one alone: the door and the sign-in take a card for the one another
        // reading names ('AB12CD34' and '34:CD:12:AB' are one tap of an unconfigured reader, card-lookup.ts). The main
        // reading is refused on any companion credential (the staff_cards trigger would refuse it anyway); the others
        // on the ones in use.
        const companionCard = db.prepare<[string], { revoked_at: string | null }>(`SELECT revoked_at FROM credentials WHERE kind = 'rfid' AND value = ?`);
        const staffCard = db.prepare<[string], CardRow>('SELECT id, staff_id, value, revoked_at FROM staff_cards WHERE value = ?');
        for (const reading of [card.canonical, ...card.alternatives]) {
          const credential = companionCard.get(reading);
          if (credential && (reading === card.canonical || credential.revoked_at === null)) return ok({ outcome: 'companion-card' });
          const held = staffCard.get(reading);
          if (held && held.revoked_at === null) {
            const owner = accounts.member(held.staff_id);
            return ok({ outcome: 'taken', ownerName: owner ? `${owner.firstName} ${owner.lastName}` : '' });
          }
        }
        const existing = staffCard.get(card.canonical);
        // A card number is unique in staff_cards: a withdrawn card found again gives way to a new card id (a withdrawn
        // card stays withdrawn for good on every machine, docs/peers.md §6), and the audit trail keeps who had it
        // before (its card-withdrawn row).
        if (existing) db.prepare('DELETE FROM staff_cards WHERE id = ? AND revoked_at IS NOT NULL').run(existing.id);
        const cardId = uuidv7();
        db.prepare('INSERT INTO staff_cards (id, staff_id, value) VALUES (?, ?, ?)').run(cardId, staffId, card.canonical);
        recordStaffCard(db, { cardId, staffId, value: card.canonical, revokedAt: null }, at.ms);
        audit.record('card-enrolled', admin.id, at, { memberId: staffId, card: card.canonical, previousOwner: existing?.staff_id ?? null }, cardId);
        return ok({ outcome: 'enrolled', card: { id: cardId, canonical: card.canonical } });
      })
      .immediate();
  }

  /** A staff card stops opening the sign-in; the row stays, marked withdrawn. */
  withdrawCard(admin: StaffMember, cardId: string, at: LocalTime): Result<Record<string, never>> {
    const { db, audit } = this.deps;
    return db
      .transaction((): Result<Record<string, never>> => {
        const card = db.prepare<[string], CardRow>('SELECT id, staff_id, value, revoked_at FROM staff_cards WHERE id = ?').get(cardId);
        if (!card || card.revoked_at !== null) return fail('INVALID_REQUEST', `no staff card ${cardId} in use`);
        db.prepare('UPDATE staff_cards SET revoked_at = ? WHERE id = ?').run(at.iso, cardId);
        recordStaffCard(db, { cardId, staffId: card.staff_id, value: card.value, revokedAt: at.iso }, at.ms);
        audit.record('card-withdrawn', admin.id, at, { memberId: card.staff_id, card: card.value }, cardId);
        return ok({});
      })
      .immediate();
  }

  /**
   * Accounts an admin stops: each goes inactive (no longer offered at the sign-in, named still by the records it made)
   * as a staff-account record that travels, with its audit row, all in one transaction; an id that is not an active
   * account refuses the whole act. Answers the accounts stopped, whose sessions the caller ends.
   */
  deactivate(admin: StaffMember, staffIds: readonly string[], at: LocalTime, detail: Readonly<Record<string, string>>): Result<{ deactivated: string[] }> {
    const { db, audit } = this.deps;
    return db
      .transaction((): Result<{ deactivated: string[] }> => {
        const read = db.prepare<[string], Omit<AccountRow, 'has_pin'>>("SELECT id, first_name, last_name, role, origin FROM staff WHERE id = ? AND active = 1");
        const rows = [...new Set(staffIds)].map((id) => read.get(id) ?? id);
        const missing = rows.find((row) => typeof row === 'string');
        if (missing !== undefined) return fail('INVALID_REQUEST', `no active staff member ${String(missing)}`);
        const deactivated: string[] = [];
        for (const row of rows) {
          if (typeof row === 'string') continue;
          db.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(row.id);
          const body = { staffId: row.id, firstName: row.first_name, lastName: row.last_name, role: row.role, active: false, origin: row.origin };
          recordStaffEdit(db, { kind: 'staff-account', body }, at.ms);
          audit.record('account-deactivated', admin.id, at, { ...detail, name: `${row.first_name} ${row.last_name}`, role: row.role }, row.id);
          deactivated.push(row.id);
        }
        return ok({ deactivated });
      })
      .immediate();
  }

  /** Ends a member's lock at once; the next wrong PIN starts the count (and the lock's length) afresh. */
  unlock(admin: StaffMember, staffId: string, at: LocalTime): Result<Record<string, never>> {
    const { db, audit, accounts } = this.deps;
    const result = db
      .transaction((): Result<Record<string, never>> => {
        if (db.prepare('SELECT 1 FROM staff_pins WHERE staff_id = ?').get(staffId) === undefined) return fail('INVALID_REQUEST', `staff member ${staffId} has no PIN`);
        // Both ways in: by name and by staff card.
        const locks = [accounts.lockOf(staffId, 'name'), accounts.lockOf(staffId, 'card')];
        db.prepare(
          `UPDATE staff_pins SET failed_count = 0, lock_count = 0, locked_until_ms = NULL,
             card_failed_count = 0, card_lock_count = 0, card_locked_until_ms = NULL WHERE staff_id = ?`,
        ).run(staffId);
        // The other machines take the unlock as a record (a lock holds everywhere until an unlock that saw it, §6).
        (['name', 'card'] as const).forEach((channel, i) => {
          if (locks[i]?.lockedUntilMs != null) recordStaffEdit(db, { kind: 'staff-lock', body: { staffId, channel, untilMs: null } }, at.ms);
        });
        const wasLocked = locks.some((l) => l.lockedUntilMs !== null && l.lockedUntilMs > at.ms);
        const failures = locks.reduce((n, l) => n + l.failed, 0);
        audit.record('account-unlocked', admin.id, at, { wasLocked, failures, locks: locks.reduce((n, l) => n + l.locks, 0) }, staffId);
        return ok({});
      })
      .immediate();
    if (result.ok) accounts.locksCleared(staffId);
    return result;
  }

  private hhmm(ms: number): string {
    return hhmmOf(toLocalTime(new Date(ms), this.deps.zone()).iso);
  }
}
