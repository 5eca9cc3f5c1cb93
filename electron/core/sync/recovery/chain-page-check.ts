// Checks a page of this kiosk's own chain as the city returned it, before anything of it is written: every record must
// be this device's, compute to its hash, and take the next place linked to the one before, starting at the kiosk's
// newest event. The first record naming someone the roster lacks ends what can be stored now.
import type { Statement, Database } from 'better-sqlite3';
import type { AttendanceRecord } from '../../../../shared/sync/protocol.js';
import type { RecoveryProblemCode } from '../../../../shared/sync/sync-status.js';
import { eventHash, type WalkStart } from '../../ledger/event-chain.js';
import type { RecoveredEvent } from '../../ledger/recovered-events.js';
import { storedEventOf } from '../../ledger/record-as-event.js';

export type PageCheck =
  /** `events` may stop short of the page (the roster lacks someone a later record names): `stoppedBy` says so. */
  | { ok: true; events: RecoveredEvent[]; stoppedBy: { code: 'RECOVERY_ROSTER_BEHIND'; detail: string } | null }
  | { ok: false; code: Exclude<RecoveryProblemCode, 'RECOVERY_ROSTER_BEHIND'>; detail: string };

export class ChainPageCheck {
  private readonly known: Record<'child' | 'companion' | 'credential' | 'staff', Statement<[string]>>;

  constructor(db: Database) {
    this.known = {
      child: db.prepare('SELECT 1 FROM children WHERE id = ?'),
      companion: db.prepare('SELECT 1 FROM companions WHERE id = ?'),
      credential: db.prepare('SELECT 1 FROM credentials WHERE id = ?'),
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
    };
  }

  check(deviceId: string, after: WalkStart, records: readonly AttendanceRecord[]): PageCheck {
    const events: RecoveredEvent[] = [];
    let head = after;
    for (const record of records) {
      const event = storedEventOf(record);
      const where = `record ${record.id} (seq ${record.deviceSeq})`;
      if (record.deviceId !== deviceId) return { ok: false, code: 'RECOVERY_BAD_RECORD', detail: `${where} is device ${record.deviceId}'s` };
      if (eventHash(event) !== record.hash) return { ok: false, code: 'RECOVERY_BAD_RECORD', detail: `${where}: its hash does not compute` };
      if (record.deviceSeq !== head.seq + 1) return { ok: false, code: 'RECOVERY_BAD_RECORD', detail: `${where} is not at the next place, ${head.seq + 1}` };
      if (record.prevHash !== head.hash) {
        // At the kiosk's own newest event this is the city's chain going another way; further on, a page that contradicts itself.
        return head === after
          ? { ok: false, code: 'RECOVERY_FORK', detail: `the city's seq ${record.deviceSeq} follows another event than this kiosk's seq ${head.seq}` }
          : { ok: false, code: 'RECOVERY_BAD_RECORD', detail: `${where} is not linked to the record before it` };
      }
      head = { seq: record.deviceSeq, hash: record.hash };
      events.push(event);
    }
    // Only a whole, valid page gets here: the roster is asked about it in order, and the chain can only be stored up to
    // the first record it cannot hold yet (foreign keys), since no place may be skipped.
    const lacking = events.findIndex((event) => this.rosterLacks(event) !== null);
    if (lacking < 0) return { ok: true, events, stoppedBy: null };
    const event = events[lacking];
    const detail = event ? `record ${event.id} (seq ${event.device_seq}) names ${this.rosterLacks(event) ?? ''}, which the roster does not have yet` : '';
    return { ok: true, events: events.slice(0, lacking), stoppedBy: { code: 'RECOVERY_ROSTER_BEHIND', detail } };
  }

  private rosterLacks(event: RecoveredEvent): string | null {
    if (this.known.child.get(event.child_id) === undefined) return `child ${event.child_id}`;
    if (event.companion_id !== null && this.known.companion.get(event.companion_id) === undefined) return `companion ${event.companion_id}`;
    if (event.credential_id !== null && this.known.credential.get(event.credential_id) === undefined) return `credential ${event.credential_id}`;
    if (event.staff_id !== null && this.known.staff.get(event.staff_id) === undefined) return `staff member ${event.staff_id}`;
    return null;
  }
}
