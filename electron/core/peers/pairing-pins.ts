// A joiner's own PINs (docs/peers.md §9 "Joining with history"): they were peppered with this machine's pepper, which it
// gives up for the group's, so none of them can be checked once it has joined. Before it dials, it voids each one with
// a `staff-pin` record whose hash is null; those records sit below the seq it brings (PairJoin records.own), so they
// are pre-join: where the group holds a PIN for the same account, the group's stands (the group first); where only
// this machine had one, the void stands everywhere and the person sets a new PIN. A join that fails puts the PINs back
// with records restating them, since the pepper they need is still this machine's. The staff_pins rows go only once
// the welcome is taken (in its transaction), so a failed join changes no sign-in here.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { StaffPinBodySchema } from '../../../shared/peers/peer-record.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { decideRegister } from '../ledger/merge-rules.js';
import { appendRegisterEdit, registerRecords } from '../ledger/peer-registers.js';

type StaffPinBody = z.infer<typeof StaffPinBodySchema>;

/** One PIN voided for a join: the body it had, to put back if the join fails. */
export interface VoidedPin {
  staffId: string;
  before: StaffPinBody;
}

interface PinRow {
  staff_id: string;
  hash: Buffer;
  salt: Buffer;
  params: string;
  set_at: string;
}

/** scrypt's parameters as staff_pins keeps them ("scrypt:N=…,r=…,p=…", staff/pin-hash.ts). */
function paramsOf(text: string): StaffPinBody['params'] | null {
  const match = /^scrypt:N=(\d+),r=(\d+),p=(\d+)$/.exec(text);
  return match ? { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) } : null;
}

/** The PIN as its register says it when that is the row held (who set it included), else as the row says it. */
function bodyOf(db: Database, row: PinRow): StaffPinBody | null {
  const params = paramsOf(row.params);
  if (params === null) return null;
  const held: StaffPinBody = { staffId: row.staff_id, hash: row.hash.toString('base64url'), salt: row.salt.toString('base64url'), params, setAt: row.set_at, setBy: null };
  const records = registerRecords(db, { kind: 'staff-pin', body: held });
  const winner = records.length > 0 ? decideRegister(records).winner : null;
  return winner?.kind === 'staff-pin' && winner.body.hash === held.hash ? winner.body : held;
}

/** Voids every PIN this machine holds, as records, in one transaction; answers what was voided. */
export function voidOwnPins(db: Database, at: LocalTime, by: { staffId: string } | null): VoidedPin[] {
  return db
    .transaction((): VoidedPin[] => {
      const rows = db.prepare<[], PinRow>('SELECT staff_id, hash, salt, params, set_at FROM staff_pins ORDER BY staff_id').all();
      const voided: VoidedPin[] = [];
      for (const row of rows) {
        const before = bodyOf(db, row);
        if (before === null) continue;
        const written = appendRegisterEdit(db, { kind: 'staff-pin', body: { ...before, hash: null, setAt: at.iso, setBy: by?.staffId ?? null } }, at.ms);
        if (written !== null) voided.push({ staffId: row.staff_id, before });
      }
      return voided;
    })
    .immediate();
}

/** The join failed: each voided PIN is restated as it was (the pepper it needs is still this machine's). */
export function restoreOwnPins(db: Database, voided: readonly VoidedPin[], at: LocalTime): void {
  if (voided.length === 0) return;
  db.transaction(() => {
    for (const pin of voided) appendRegisterEdit(db, { kind: 'staff-pin', body: pin.before }, at.ms);
  }).immediate();
}

/** The welcome is taken: the voided PINs leave staff_pins (inside the welcome's transaction). */
export function dropVoidedPins(db: Database, voided: readonly VoidedPin[]): void {
  const drop = db.prepare('DELETE FROM staff_pins WHERE staff_id = ?');
  for (const pin of voided) drop.run(pin.staffId);
}
