// What sign-in writes — the wrong-PIN counters and locks, and the audit rows of sign-ins, failures and sign-outs —
// written through to the database, and held in memory while the database cannot take a write (a full disk). A full
// disk must not keep staff from signing in (the manual check-in is what is left when the door cannot record), and
// must not open the door to guessing either: a lock the database could not store still holds, from memory, and
// everything held is written, in order, as soon as a write succeeds again.
import type { Database, Statement } from 'better-sqlite3';
import { storageProblemOf } from '../db/storage-failure.js';
import type { AuditRow, StaffAudit } from '../ledger/staff-audit.js';
import { recordStaffEdit } from './staff-registers.js';

/**
 * How a PIN was presented. Each has its own wrong-PIN count and lock: anyone at the door can pick a name from the
 * list and guess, but only the holder of a member's staff card can guess on 'card', so a stranger's guesses by name
 * never lock the member out of signing in with their card.
 */
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';

export interface LockState {
  /** Wrong PINs in a row on this channel since the last lock or right PIN. */
  failed: number;
  /** Locks in a row (without a right PIN between): each doubles the next. */
  locks: number;
  lockedUntilMs: number | null;
}

export const NO_LOCK: LockState = { failed: 0, locks: 0, lockedUntilMs: null };

/** Held audit rows beyond this are dropped with a log line: a flood on a full disk must not fill the memory too. */
const MOST_HELD_ROWS = 10_000;

interface LockRow {
  failed: number;
  locks: number;
  locked_until_ms: number | null;
}

const COLUMNS: Record<SignInChannel, { failed: string; locks: string; until: string }> = {
  name: { failed: 'failed_count', locks: 'lock_count', until: 'locked_until_ms' },
  card: { failed: 'card_failed_count', locks: 'card_lock_count', until: 'card_locked_until_ms' },
};

const keyOf = (staffId: string, channel: SignInChannel): string => `${channel} ${staffId}`;

export class SignInLedger {
  /** Lock states not yet in the database, by channel and member: the truth until they are written. */
  private readonly unsaved = new Map<string, { staffId: string; channel: SignInChannel; state: LockState }>();
  private readonly heldRows: AuditRow[] = [];
  private dropped = 0;
  private readonly readLock: Record<SignInChannel, Statement<[string], LockRow>>;
  private readonly writeLock: Record<SignInChannel, Statement<[number, number, number | null, string]>>;

  constructor(
    private readonly db: Database,
    private readonly audit: StaffAudit,
    private readonly report: (line: string) => void,
    /** When a lock is written (its record's settling time); the staff desk's clock. */
    private readonly nowMs: () => number = () => Date.now(),
  ) {
    const read = (c: SignInChannel): Statement<[string], LockRow> =>
      db.prepare(`SELECT ${COLUMNS[c].failed} AS failed, ${COLUMNS[c].locks} AS locks, ${COLUMNS[c].until} AS locked_until_ms FROM staff_pins WHERE staff_id = ?`);
    const write = (c: SignInChannel): Statement<[number, number, number | null, string]> =>
      db.prepare(`UPDATE staff_pins SET ${COLUMNS[c].failed} = ?, ${COLUMNS[c].locks} = ?, ${COLUMNS[c].until} = ? WHERE staff_id = ?`);
    this.readLock = { name: read('name'), card: read('card') };
    this.writeLock = { name: write('name'), card: write('card') };
  }

  lockState(staffId: string, channel: SignInChannel): LockState {
    const held = this.unsaved.get(keyOf(staffId, channel));
    if (held) return held.state;
    const row = this.readLock[channel].get(staffId);
    return row ? { failed: row.failed, locks: row.locks, lockedUntilMs: row.locked_until_ms } : NO_LOCK;
  }

  /** Records a lock change and audit rows: in the database when it takes them, else held until it does. */
  commit(change: { lock?: { staffId: string; channel: SignInChannel; state: LockState }; audit?: AuditRow[] }): void {
    if (change.lock) this.unsaved.set(keyOf(change.lock.staffId, change.lock.channel), change.lock);
    for (const row of change.audit ?? []) this.hold(row);
    this.flush();
  }

  /** Writes whatever is held, in one transaction; true when nothing is left held. */
  flush(): boolean {
    if (this.unsaved.size === 0 && this.heldRows.length === 0) return true;
    try {
      this.db
        .transaction(() => {
          for (const { staffId, channel, state } of this.unsaved.values()) {
            const before = this.readLock[channel].get(staffId);
            this.writeLock[channel].run(state.failed, state.locks, state.lockedUntilMs, staffId);
            // A new lock holds at every machine of the kindergarten (docs/peers.md §6): a staff-lock record with its
            // row. The counts stay this machine's working state; a lock that ends by its time needs no record.
            if (before !== undefined && state.lockedUntilMs !== null && state.lockedUntilMs !== before.locked_until_ms) {
              recordStaffEdit(this.db, { kind: 'staff-lock', body: { staffId, channel, untilMs: state.lockedUntilMs } }, this.nowMs());
            }
          }
          for (const row of this.heldRows) this.audit.insert(row);
        })
        .immediate();
    } catch (error) {
      if (storageProblemOf(error) !== null) return false;
      throw error;
    }
    if (this.dropped > 0) this.report(`[staff] ${this.dropped} sign-in audit rows were dropped while the database could not be written`);
    this.unsaved.clear();
    this.heldRows.length = 0;
    this.dropped = 0;
    return true;
  }

  /** A member's PIN was set or their lock cleared in the database: what was held for them is superseded. */
  forget(staffId: string): void {
    for (const channel of ['name', 'card'] as const) this.unsaved.delete(keyOf(staffId, channel));
  }

  /** What waits for the database: tests and the status line. */
  get held(): { locks: number; auditRows: number } {
    return { locks: this.unsaved.size, auditRows: this.heldRows.length };
  }

  private hold(row: AuditRow): void {
    if (this.heldRows.length < MOST_HELD_ROWS) this.heldRows.push(row);
    else this.dropped++;
  }
}
