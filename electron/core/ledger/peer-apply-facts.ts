// The appliers of the city fact kinds another machine makes beside its taps (docs/peers.md §6 "Per kind"): override
// reasons and closing resolutions are written as their origin recorded them (no outbox row: each machine pushes only its
// own), once; one naming what is not here yet (its event, child, companion, staff member) waits for it.
// Headcounts and never-come counts are each door's own draws: the tables hold this machine's (one cut-off headcount a
// day, one count a month, as their UNIQUEs say), and another door's stays its peer-log record, the fact as it was
// taken, for a console that shows every door's (the office's 09:00 view is computed live from the merged taps).
import type { Database, Statement } from 'better-sqlite3';
import {
  ClosingResolutionRecordSchema,
  HeadcountRecordSchema,
  NeverComeCountRecordSchema,
  OverrideReasonRecordSchema,
} from '../../../shared/sync/protocol.js';
import type { PeerApplier, PeerApplyResult } from './peer-applier.js';

interface OverrideRow {
  event_id: string;
  reason: string;
  note: string | null;
  companion_id: string | null;
  companion_name: string | null;
}

interface ClosingRow {
  id: string;
  local_date: string;
  child_id: string;
  outcome: string;
  departure_event_id: string | null;
  note: string | null;
  staff_id: string;
  occurred_at: string;
  occurred_ms: number;
}

interface FactStatements {
  event: Statement<[string], { child_id: string }>;
  child: Statement<[string]>;
  companion: Statement<[string]>;
  staff: Statement<[string]>;
  override: Statement<[string], OverrideRow>;
  closing: Statement<[string], ClosingRow>;
  insertOverride: Statement<OverrideRow>;
  insertClosing: Statement<ClosingRow>;
}

const prepared = new WeakMap<Database, FactStatements>();

function statementsOf(db: Database): FactStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      event: db.prepare('SELECT child_id FROM attendance_events WHERE id = ?'),
      child: db.prepare('SELECT 1 FROM children WHERE id = ?'),
      companion: db.prepare('SELECT 1 FROM companions WHERE id = ?'),
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      override: db.prepare('SELECT event_id, reason, note, companion_id, companion_name FROM override_reasons WHERE event_id = ?'),
      closing: db.prepare('SELECT id, local_date, child_id, outcome, departure_event_id, note, staff_id, occurred_at, occurred_ms FROM closing_resolutions WHERE id = ?'),
      insertOverride: db.prepare(
        'INSERT INTO override_reasons (event_id, reason, note, companion_id, companion_name) VALUES (@event_id, @reason, @note, @companion_id, @companion_name)',
      ),
      insertClosing: db.prepare(
        `INSERT INTO closing_resolutions (id, local_date, child_id, outcome, departure_event_id, note, staff_id, occurred_at, occurred_ms)
         VALUES (@id, @local_date, @child_id, @outcome, @departure_event_id, @note, @staff_id, @occurred_at, @occurred_ms)`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

function parsed<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, body: string | null): T | null {
  if (body === null) return null;
  const result = schema.safeParse(JSON.parse(body));
  return result.success ? result.data : null;
}

/** Held already: the same row again is nothing to do; another under the same key is a fork of its origin's word. */
function heldAs<R>(held: R | undefined, row: R, id: string): PeerApplyResult | null {
  if (held === undefined) return null;
  return JSON.stringify(held) === JSON.stringify(row) ? { outcome: 'applied' } : { outcome: 'refused', code: 'PEER_FORK', why: `${id} is held with other content` };
}

/** The reason of another machine's override (a tap by hand): keyed by its event, which comes first in HLC order. */
export const applyOverrideReason: PeerApplier = (db, record) => {
  const reason = parsed(OverrideReasonRecordSchema, record.body);
  if (reason === null) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not an override-reason body' };
  const s = statementsOf(db);
  const row: OverrideRow = { event_id: reason.eventId, reason: reason.reason, note: reason.note, companion_id: reason.companionId, companion_name: reason.companionName };
  const held = heldAs(s.override.get(row.event_id), row, `the override reason of ${row.event_id}`);
  if (held !== null) return held;
  const event = s.event.get(row.event_id);
  // Its event may itself wait for its child, or be behind on another origin's page.
  if (event === undefined) return { outcome: 'waiting', waitsFor: `attendance:${row.event_id}` };
  if (row.companion_id !== null && s.companion.get(row.companion_id) === undefined) return { outcome: 'waiting', waitsFor: `companion:${row.companion_id}` };
  s.insertOverride.run(row);
  return { outcome: 'applied', children: [event.child_id] };
};

/** Another machine's resolution of a child still checked in at closing time (with its departure, when the child left). */
export const applyClosingResolution: PeerApplier = (db, record) => {
  const resolution = parsed(ClosingResolutionRecordSchema, record.body);
  if (resolution === null) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a closing-resolution body' };
  const s = statementsOf(db);
  const row: ClosingRow = {
    id: resolution.id,
    local_date: resolution.localDate,
    child_id: resolution.childId,
    outcome: resolution.outcome,
    departure_event_id: resolution.departureEventId,
    note: resolution.note,
    staff_id: resolution.staffId,
    occurred_at: resolution.occurredAt,
    occurred_ms: resolution.occurredMs,
  };
  const held = heldAs(s.closing.get(row.id), row, row.id);
  if (held !== null) return held;
  if (s.child.get(row.child_id) === undefined) return { outcome: 'waiting', waitsFor: `child:${row.child_id}` };
  if (row.departure_event_id !== null && s.event.get(row.departure_event_id) === undefined) return { outcome: 'waiting', waitsFor: `attendance:${row.departure_event_id}` };
  if (s.staff.get(row.staff_id) === undefined) return { outcome: 'waiting', waitsFor: `staff:${row.staff_id}` };
  s.insertClosing.run(row);
  return { outcome: 'applied', children: [row.child_id] };
};

/** Another door's cut-off or manual headcount: its peer-log record is the fact; this machine's table keeps its own. */
export const applyHeadcount: PeerApplier = (_db, record) =>
  parsed(HeadcountRecordSchema, record.body) === null ? { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a headcount body' } : { outcome: 'applied' };

/** Another door's never-come count of a month: its peer-log record is the fact; this machine's table keeps its own. */
export const applyNeverComeCount: PeerApplier = (_db, record) =>
  parsed(NeverComeCountRecordSchema, record.body) === null ? { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a never-come-count body' } : { outcome: 'applied' };
