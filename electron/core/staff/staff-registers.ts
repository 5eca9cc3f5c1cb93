// The staff registers as records (docs/peers.md §6 "Per kind"): a staff account made here, a PIN, an account lock, a
// staff card. Each edit made here is appended to the peer log in the edit's own transaction, with the register's
// winner as its base (ledger/peer-registers.ts), and the register is settled at once; whatever the register then
// decides (a concurrent edit heard from another machine may have won) is written to the table the screens read by the
// same projection the import uses (staff/register-apply.ts). A database with no peer log bound writes only its rows.
import type { Database, Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { StaffAccountBodySchema, type StaffCardBodySchema, type StaffLockBodySchema, type StaffPinBodySchema } from '../../../shared/peers/peer-record.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';
import { pinParamsOf } from '../ledger/held-pins.js';
import type { RegisterDecision } from '../ledger/merge-rules.js';
import { appendRegisterEdit } from '../ledger/peer-registers.js';
import type { PinHash } from './pin-hash.js';

export type StaffAccountBody = z.infer<typeof StaffAccountBodySchema>;
export type StaffPinBody = z.infer<typeof StaffPinBodySchema>;
export type StaffLockBody = z.infer<typeof StaffLockBodySchema>;
export type StaffCardBody = z.infer<typeof StaffCardBodySchema>;

/** What a projection changed that a signed-in session must hear of (the core ends that member's sessions). */
export interface Touched {
  staff: string[];
}

const UNTIL_COLUMN: Record<SignInChannel, { failed: string; locks: string; until: string }> = {
  name: { failed: 'failed_count', locks: 'lock_count', until: 'locked_until_ms' },
  card: { failed: 'card_failed_count', locks: 'card_lock_count', until: 'card_locked_until_ms' },
};

interface ProjectionStatements {
  account: Statement<[string], { role: string; active: number }>;
  upsertAccount: Statement<{ id: string; first_name: string; last_name: string; role: string; active: number; origin: string }>;
  pin: Statement<[string], { hash: Buffer }>;
  upsertPin: Statement<{ staff_id: string; hash: Buffer; salt: Buffer; params: string; set_at: string }>;
  voidPin: Statement<[string]>;
  lock: Record<SignInChannel, Statement<[number | null, string]>>;
  unlock: Record<SignInChannel, Statement<[string]>>;
}

const prepared = new WeakMap<Database, ProjectionStatements>();

function statementsOf(db: Database): ProjectionStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    const lock = (c: SignInChannel) => db.prepare<[number | null, string]>(`UPDATE staff_pins SET ${UNTIL_COLUMN[c].until} = ? WHERE staff_id = ?`);
    const unlock = (c: SignInChannel) =>
      db.prepare<[string]>(`UPDATE staff_pins SET ${UNTIL_COLUMN[c].failed} = 0, ${UNTIL_COLUMN[c].locks} = 0, ${UNTIL_COLUMN[c].until} = NULL WHERE staff_id = ?`);
    s = {
      account: db.prepare('SELECT role, active FROM staff WHERE id = ?'),
      upsertAccount: db.prepare(
        `INSERT INTO staff (id, first_name, last_name, role, active, origin) VALUES (@id, @first_name, @last_name, @role, @active, @origin)
         ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, role = excluded.role,
           active = excluded.active, origin = excluded.origin`,
      ),
      pin: db.prepare('SELECT hash FROM staff_pins WHERE staff_id = ?'),
      // A new PIN starts the wrong-PIN counts afresh (they counted guesses at the old one); its locks are records of
      // their own (staff-lock), so they are left as the lock registers decide.
      upsertPin: db.prepare(
        `INSERT INTO staff_pins (staff_id, hash, salt, params, set_at) VALUES (@staff_id, @hash, @salt, @params, @set_at)
         ON CONFLICT (staff_id) DO UPDATE SET hash = excluded.hash, salt = excluded.salt, params = excluded.params, set_at = excluded.set_at,
           failed_count = CASE WHEN hash = excluded.hash THEN failed_count ELSE 0 END,
           card_failed_count = CASE WHEN hash = excluded.hash THEN card_failed_count ELSE 0 END`,
      ),
      voidPin: db.prepare('DELETE FROM staff_pins WHERE staff_id = ?'),
      lock: { name: lock('name'), card: lock('card') },
      unlock: { name: unlock('name'), card: unlock('card') },
    };
    prepared.set(db, s);
  }
  return s;
}

/** scrypt's parameters as staff_pins keeps them (pin-hash.ts; read back by ledger/held-pins.ts pinParamsOf). */
export function pinParamsText(params: StaffPinBody['params']): string {
  return `scrypt:N=${params.N},r=${params.r},p=${params.p}`;
}

/** A local account's row as the register decided it; touched when it lost its way in (deactivated) or its admin role. */
export function projectAccount(db: Database, value: StaffAccountBody): Touched {
  const s = statementsOf(db);
  const before = s.account.get(value.staffId);
  s.upsertAccount.run({ id: value.staffId, first_name: value.firstName, last_name: value.lastName, role: value.role, active: value.active ? 1 : 0, origin: value.origin });
  const lostAccess = before !== undefined && ((before.active === 1 && !value.active) || (before.role === 'admin' && value.role !== 'admin'));
  return { staff: lostAccess ? [value.staffId] : [] };
}

/** The member's PIN as decided (null hash: voided); touched when it is another PIN than the one held. */
export function projectPin(db: Database, value: StaffPinBody): Touched {
  const s = statementsOf(db);
  const held = s.pin.get(value.staffId);
  if (value.hash === null) {
    s.voidPin.run(value.staffId);
    return { staff: held === undefined ? [] : [value.staffId] };
  }
  const hash = Buffer.from(value.hash, 'base64url');
  s.upsertPin.run({ staff_id: value.staffId, hash, salt: Buffer.from(value.salt, 'base64url'), params: pinParamsText(value.params), set_at: value.setAt });
  return { staff: held !== undefined && !held.hash.equals(hash) ? [value.staffId] : [] };
}

/** A channel's lock as decided: until a time, or unlocked (its counts start afresh). A member with no PIN has none. */
export function projectLock(db: Database, value: StaffLockBody): Touched {
  const s = statementsOf(db);
  if (value.untilMs === null) s.unlock[value.channel].run(value.staffId);
  else s.lock[value.channel].run(value.untilMs, value.staffId);
  return { staff: [] };
}

/** The PIN record of a hash made here. */
export function pinBody(staffId: string, pin: PinHash, setAt: string, setBy: string | null): StaffPinBody {
  const params = pinParamsOf(pin.params);
  if (params === null) throw new Error(`unknown PIN hash parameters "${pin.params}"`);
  return { staffId, hash: pin.hash.toString('base64url'), salt: pin.salt.toString('base64url'), params, setAt, setBy };
}

/** The decided value of a staff register, as its kind's projection takes it. */
export function projectStaffDecision(db: Database, decision: RegisterDecision): Touched {
  const winner = decision.winner;
  switch (winner.kind) {
    case 'staff-account':
      // Deactivation and demotion merge field by field: the value may be one no single record says.
      return projectAccount(db, StaffAccountBodySchema.parse(decision.value));
    case 'staff-pin':
      return projectPin(db, winner.body);
    case 'staff-lock':
      return projectLock(db, winner.body);
    default:
      return { staff: [] };
  }
}

/** An edit of a staff register made here: appended with its base, settled, and the decision projected. */
export function recordStaffEdit(
  db: Database,
  content: { kind: 'staff-account'; body: StaffAccountBody } | { kind: 'staff-pin'; body: StaffPinBody } | { kind: 'staff-lock'; body: StaffLockBody },
  nowMs: number,
): Touched {
  const settled = appendRegisterEdit(db, content, nowMs);
  return settled === null ? { staff: [] } : projectStaffDecision(db, settled.decision);
}
