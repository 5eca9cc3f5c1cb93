// The ledger's appliers of foreign peer records (docs/peers.md §5 "Pulling and being told"): another door's tap into
// attendance_events with ITS device id, seq and hash and no outbox row (it reaches the city from its own door), as
// sync/peer-import.ts stores the city feed's. Called by peers/record-import.ts inside the page's transaction.
import type { Database, Statement } from 'better-sqlite3';
import type { AttendanceRecord } from '../../../shared/sync/protocol.js';
import { INSERT_EVENT_SQL, type ForeignEvent } from './attendance-log.js';
import type { PeerApplier, PeerAppliers } from './peer-applier.js';
import { applyClosingResolution, applyHeadcount, applyNeverComeCount, applyOverrideReason } from './peer-apply-facts.js';
import { applyAudit } from './peer-apply-audit.js';
import { applySetting } from './peer-apply-setting.js';
import { storedEventOf } from './record-as-event.js';

interface AttendanceStatements {
  byId: Statement<[string], { hash: string }>;
  atSeq: Statement<[string, number], { id: string }>;
  child: Statement<[string]>;
  companion: Statement<[string]>;
  credential: Statement<[string]>;
  staff: Statement<[string]>;
  insert: Statement<ForeignEvent>;
}

/** Prepared once per connection: a page applies up to a thousand records. */
const prepared = new WeakMap<Database, AttendanceStatements>();

function statementsOf(db: Database): AttendanceStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      byId: db.prepare('SELECT hash FROM attendance_events WHERE id = ?'),
      atSeq: db.prepare('SELECT id FROM attendance_events WHERE device_id = ? AND device_seq = ?'),
      child: db.prepare('SELECT 1 FROM children WHERE id = ?'),
      companion: db.prepare('SELECT 1 FROM companions WHERE id = ?'),
      credential: db.prepare('SELECT 1 FROM credentials WHERE id = ?'),
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      insert: db.prepare(INSERT_EVENT_SQL),
    };
    prepared.set(db, s);
  }
  return s;
}

/**
 * One tap of another door. Already held with the same hash (the city's today-only feed stored it first): nothing more
 * than its peer-log row. Another event under its id or at its (device, seq): a fork, the page refused. Naming someone
 * the roster here does not list yet (a child the city added that this machine has not pulled): it waits, since the
 * foreign keys would refuse the row; the roster's next pull lets it in (peers/record-import.ts retryWaiting).
 */
export const applyAttendance: PeerApplier = (db, record) => {
  const event = record.event;
  if (event === undefined) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'attendance without its event' };
  const s = statementsOf(db);
  const held = s.byId.get(event.id);
  if (held !== undefined) {
    return held.hash === event.hash ? { outcome: 'applied' } : { outcome: 'refused', code: 'PEER_FORK', why: `event ${event.id} is held with another hash` };
  }
  const atSeq = s.atSeq.get(event.deviceId, event.deviceSeq);
  if (atSeq !== undefined) return { outcome: 'refused', code: 'PEER_FORK', why: `${event.deviceId}'s event ${event.deviceSeq} is held as ${atSeq.id}` };
  const missing = missingFrom(s, event);
  if (missing !== null) return { outcome: 'waiting', waitsFor: missing };
  s.insert.run(storedEventOf(event));
  return { outcome: 'applied', children: [event.childId] };
};

/** What the event names that the roster here lacks ("child:<id>"…), or null. */
function missingFrom(s: AttendanceStatements, e: AttendanceRecord): string | null {
  if (s.child.get(e.childId) === undefined) return `child:${e.childId}`;
  if (e.companionId !== null && s.companion.get(e.companionId) === undefined) return `companion:${e.companionId}`;
  if (e.credentialId !== null && s.credential.get(e.credentialId) === undefined) return `credential:${e.credentialId}`;
  if (e.staffId !== null && s.staff.get(e.staffId) === undefined) return `staff:${e.staffId}`;
  return null;
}


/** The ledger's part of the map the top hands peers/record-import.ts. */
export const ledgerAppliers: PeerAppliers = {
  attendance: applyAttendance,
  'override-reason': applyOverrideReason,
  'closing-resolution': applyClosingResolution,
  headcount: applyHeadcount,
  'never-come-count': applyNeverComeCount,
  setting: applySetting,
  audit: applyAudit,
};
