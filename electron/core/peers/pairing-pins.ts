// A joiner's own PINs (docs/peers.md §9 "Joining with history"): they were peppered with this machine's pepper, which it
// gives up for the group's, so none of them can be checked once it has joined. Before it dials, it voids each one with
// a `staff-pin` record whose hash is null; those records sit below the seq it brings (PairJoin records.own), so they
// are pre-join: where the group holds a PIN for the same account, the group's stands (the group first); where only
// this machine had one, the void stands everywhere and the person sets a new PIN. A join that fails puts the PINs back
// with records restating them, since the pepper they need is still this machine's. The staff_pins rows go only once
// the welcome is taken (in its transaction), so a failed join changes no sign-in here.
// A join killed between the voids and the end of its dial (power cut, the program closed while dialling) would leave the
// voids as the newest PIN records of a machine in no group, for good: they would travel with its log to whatever group it
// later founds or joins. So the voids are marked (sync_state `peer_join_voids`, in their transaction, with what they
// voided) until the welcome is taken or the PINs are put back, and a start that finds the mark heals (healUnfinishedJoin).
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { StaffPinBodySchema } from '../../../shared/peers/peer-record.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { heldPinBodies } from '../ledger/held-pins.js';
import { decideRegister } from '../ledger/merge-rules.js';
import { appendRegisterEdit, registerRecords } from '../ledger/peer-registers.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { readGroup } from './peer-group.js';

type StaffPinBody = z.infer<typeof StaffPinBodySchema>;

/** One PIN voided for a join: the body it had, to put back if the join fails. */
export interface VoidedPin {
  staffId: string;
  before: StaffPinBody;
}

/** The mark of a join under way, as stored: read back through zod, since a start trusts no stored text. */
const JoinVoidsSchema = z.object({ atMs: z.number().int(), voided: z.array(z.object({ staffId: z.string(), before: StaffPinBodySchema })).max(10_000) });

function markJoin(db: Database, voided: readonly VoidedPin[], atMs: number): void {
  const state = new SyncStateStore(db);
  if (voided.length === 0) state.delete(SYNC_KEYS.peerJoinVoids);
  else state.set(SYNC_KEYS.peerJoinVoids, JSON.stringify({ atMs, voided }));
}

function unmarkJoin(db: Database): void {
  new SyncStateStore(db).delete(SYNC_KEYS.peerJoinVoids);
}

/** The PIN as its register says it when that is the row held (who set it included), else as the row says it. */
function bodyOf(db: Database, held: StaffPinBody): StaffPinBody {
  const records = registerRecords(db, { kind: 'staff-pin', body: held });
  const winner = records.length > 0 ? decideRegister(records).winner : null;
  return winner?.kind === 'staff-pin' && winner.body.hash === held.hash ? winner.body : held;
}

/** Voids every PIN this machine holds, as records, in one transaction; answers what was voided. */
export function voidOwnPins(db: Database, at: LocalTime, by: { staffId: string } | null): VoidedPin[] {
  return db
    .transaction((): VoidedPin[] => {
      const voided: VoidedPin[] = [];
      // A PIN of parameters this version cannot name is not among them: no record can void it, nor put it back.
      for (const held of heldPinBodies(db)) {
        const before = bodyOf(db, held);
        const written = appendRegisterEdit(db, { kind: 'staff-pin', body: { ...before, hash: null, setAt: at.iso, setBy: by?.staffId ?? null } }, at.ms);
        if (written !== null) voided.push({ staffId: held.staffId, before });
      }
      markJoin(db, voided, at.ms);
      return voided;
    })
    .immediate();
}

/** The join failed: each voided PIN is restated as it was (the pepper it needs is still this machine's). */
export function restoreOwnPins(db: Database, voided: readonly VoidedPin[], at: LocalTime): void {
  db.transaction(() => {
    for (const pin of voided) appendRegisterEdit(db, { kind: 'staff-pin', body: pin.before }, at.ms);
    unmarkJoin(db);
  }).immediate();
}

/** The welcome is taken: the voided PINs leave staff_pins (inside the welcome's transaction), and the join's mark with them. */
export function dropVoidedPins(db: Database, voided: readonly VoidedPin[]): void {
  const drop = db.prepare('DELETE FROM staff_pins WHERE staff_id = ?');
  for (const pin of voided) drop.run(pin.staffId);
  unmarkJoin(db);
}

/** Whether the register's winner for this account is still a void (nothing set its PIN since the join voided it). */
function stillVoid(db: Database, pin: VoidedPin): boolean {
  const records = registerRecords(db, { kind: 'staff-pin', body: pin.before });
  const winner = records.length > 0 ? decideRegister(records).winner : null;
  return winner?.kind === 'staff-pin' && winner.body.hash === null;
}

/**
 * At start, before the door opens: a join that left its mark was killed before its end (no welcome taken, no PINs put
 * back). A machine in no group then restates each PIN it voided whose newest record is still the void, as a failed
 * join does; a machine in a group (the welcome was taken by a version that kept no mark) only loses the mark. Answers
 * how many PINs were put back; a mark that does not parse is logged by the caller and left for a person.
 */
export function healUnfinishedJoin(db: Database, at: LocalTime): { restated: number } | { unreadable: string } | null {
  // Read first: nearly every start has no mark, and needs no write transaction to say so.
  if (new SyncStateStore(db).get(SYNC_KEYS.peerJoinVoids) === null) return null;
  return db
    .transaction(() => {
      const text = new SyncStateStore(db).get(SYNC_KEYS.peerJoinVoids);
      if (text === null) return null;
      let parsed: ReturnType<typeof JoinVoidsSchema.safeParse>;
      try {
        parsed = JoinVoidsSchema.safeParse(JSON.parse(text));
      } catch {
        return { unreadable: 'not JSON' };
      }
      if (!parsed.success) return { unreadable: parsed.error.issues[0]?.message ?? 'does not parse' };
      if (readGroup(db) !== null) {
        unmarkJoin(db);
        return { restated: 0 };
      }
      const owed = parsed.data.voided.filter((pin) => stillVoid(db, pin));
      for (const pin of owed) appendRegisterEdit(db, { kind: 'staff-pin', body: pin.before }, at.ms);
      unmarkJoin(db);
      return { restated: owed.length };
    })
    .immediate();
}
