// The staff folder's appliers of another machine's register records (docs/peers.md §6 "Per kind"): staff accounts,
// PINs, account locks, staff cards and paper days. Each settles its register from every record of it held here
// (ledger/peer-registers.ts: the rule of its kind, the winner and the concurrent pairs stored, this machine's
// follow-up written when its own head lost) and writes the decision to the table the screens read, by the same
// projection an edit made here uses. A paper day this machine entered second also withdraws the arrivals it wrote.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import type { PeerRecord } from '../../../shared/peers/peer-record.js';
import type { RegisterDecision, RegisterRecord } from '../ledger/merge-rules.js';
import type { PeerApplier, PeerApplyResult } from '../ledger/peer-applier.js';
import { peerLogOf } from '../ledger/peer-log.js';
import { registerRecordOf, settleRegister } from '../ledger/peer-registers.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import { cityRosterPulledHere } from '../roster/roster-source.js';
import { projectCard } from './staff-card-register.js';
import { projectStaffDecision, type Touched } from './staff-registers.js';

type StaffRegisterKind = 'staff-account' | 'staff-pin' | 'staff-lock' | 'staff-card' | 'paper-day';
type OfKind<K extends StaffRegisterKind> = Extract<RegisterRecord, { kind: K }>;

interface ApplyStatements {
  staff: Statement<[string]>;
  paperDay: Statement<[string, string], { id: string }>;
  insertPaperDay: Statement<[string, string, string, string, string, number, number, number]>;
  linkEvent: Statement<[string, string]>;
  ownEvent: Statement<[string, string], { id: string }>;
  withdrawn: Statement<[string]>;
  insertCorrection: Statement<[string, string, string, string, string, number]>;
  memberName: Statement<[string], { name: string }>;
}

const prepared = new WeakMap<Database, ApplyStatements>();

function statementsOf(db: Database): ApplyStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      paperDay: db.prepare('SELECT id FROM paper_days WHERE group_id = ? AND local_date = ?'),
      insertPaperDay: db.prepare('INSERT INTO paper_days (id, group_id, local_date, staff_id, entered_at, entered_ms, present, absent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      linkEvent: db.prepare('INSERT OR IGNORE INTO paper_day_events (event_id, paper_day_id) VALUES (?, ?)'),
      ownEvent: db.prepare('SELECT id FROM attendance_events WHERE id = ? AND device_id = ?'),
      withdrawn: db.prepare(`SELECT 1 FROM corrections WHERE target_type = 'attendance' AND target_id = ?`),
      insertCorrection: db.prepare(
        `INSERT INTO corrections (id, target_type, target_id, staff_id, reason, occurred_at, occurred_ms) VALUES (?, 'attendance', ?, ?, ?, ?, ?)`,
      ),
      memberName: db.prepare('SELECT name FROM peer_members WHERE device_id = ?'),
    };
    prepared.set(db, s);
  }
  return s;
}

/** The record as the rules read it, when it is of the kind this applier takes. */
function registerOf<K extends StaffRegisterKind>(record: PeerRecord, kind: K): OfKind<K> | null {
  const parsed = registerRecordOf({ device_id: record.deviceId, seq: record.seq, kind: record.kind, record_id: record.id, hlc: record.hlc, base: record.base, body: record.body });
  return parsed !== null && parsed.kind === kind ? (parsed as OfKind<K>) : null;
}

/** When a register was decided: the record's own HLC time, so every machine dates the same decision alike. */
const msOf = (record: PeerRecord): number => Number(record.hlc.slice(0, 13));

const applied = (touched: Touched): PeerApplyResult => ({ outcome: 'applied', staff: touched.staff });

/**
 * An applier of one staff register kind: refused when the body is not its kind's, waiting while the staff member it
 * names is not here (the city roster's pull, or their account record, brings them), else settled and projected.
 */
function registerApplier<K extends StaffRegisterKind>(
  kind: K,
  project: (db: Database, decision: RegisterDecision, nowMs: number) => Touched,
  followUp?: (db: Database, record: OfKind<K>, decision: RegisterDecision) => void,
): PeerApplier {
  return (db, record) => {
    const register = registerOf(record, kind);
    if (register === null) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: `not a ${kind} body` };
    // An account record makes its member; every other kind names a member who must be here first.
    const staffId = staffIdOf(register);
    if (kind !== 'staff-account' && staffId !== null && statementsOf(db).staff.get(staffId) === undefined) return { outcome: 'waiting', waitsFor: `staff:${staffId}` };
    const nowMs = msOf(record);
    // A custom follow-up (a paper day's) is amends as well as a restatement: owed after a loss to the group first too.
    const settled = settleRegister(db, register, { nowMs, ...(followUp === undefined ? {} : { followUp: (decision: RegisterDecision) => followUp(db, register, decision), amendGroupFirst: true }) });
    return applied(project(db, settled.decision, nowMs));
  };
}

function staffIdOf(r: RegisterRecord): string | null {
  return 'staffId' in r.body && typeof r.body.staffId === 'string' ? r.body.staffId : null;
}

/**
 * A staff account from the city's roster is each enrolled machine's own pull's to write (§6); a machine that pulls no
 * city roster (on its own, or joined to the demo) has only the record to learn it from (§9's backfill restates them).
 */
function projectAccount(db: Database, decision: RegisterDecision): Touched {
  const pulled = decision.winner.kind === 'staff-account' && decision.winner.body.origin === 'city' && cityRosterPulledHere(db);
  return pulled ? { staff: [] } : projectStaffDecision(db, decision);
}

/**
 * The day, as decided, where this machine holds no entry of it yet: its row under the deciding record's id and its
 * arrivals linked (they arrive as the origin's taps). An entry made here stays the row the screen shows.
 */
function projectPaperDay(db: Database, decision: RegisterDecision): Touched {
  if (decision.winner.kind !== 'paper-day') return { staff: [] };
  const day = decision.winner.body;
  const s = statementsOf(db);
  if (s.paperDay.get(day.groupId, day.date) !== undefined) return { staff: [] };
  const enteredMs = Date.parse(day.recordedAt);
  s.insertPaperDay.run(decision.winner.id, day.groupId, day.date, day.staffId, day.recordedAt, Number.isFinite(enteredMs) ? enteredMs : msOf(recordLike(decision.winner)), day.present ?? day.eventIds.length, day.absent ?? 0);
  for (const eventId of day.eventIds) s.linkEvent.run(eventId, decision.winner.id);
  return { staff: [] };
}

function recordLike(r: RegisterRecord): PeerRecord {
  return { deviceId: r.deviceId, seq: r.seq, kind: r.kind, id: r.id, hlc: r.hlc, base: r.base, prevHash: '', hash: '', contentHash: '', body: null };
}

/**
 * This machine's entry of a day lost to an earlier one (the first keeps the day, §6): the day restated with the winner
 * as base, and each arrival this machine wrote for it withdrawn by a correction in the name of the admin who entered
 * it, queued for the city like any withdrawal, so the day is counted once in the табель and at the city.
 */
function withdrawLostPaperDay(db: Database, _record: OfKind<'paper-day'>, decision: RegisterDecision): void {
  const log = peerLogOf(db);
  if (log === null || decision.winner.kind !== 'paper-day') return;
  const s = statementsOf(db);
  const outbox = new OutboxWriter(db);
  log.append('paper-day', uuidv7(), { body: JSON.stringify(decision.winner.body) }, decision.winner.id);
  const kept = s.memberName.get(decision.winner.deviceId)?.name ?? decision.winner.deviceId;
  for (const conflict of decision.conflicts) {
    if (conflict.loserDeviceId !== log.deviceId) continue;
    const lost = ownPaperDay(db, conflict.loserId);
    if (lost === null) continue;
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(lost.recordedAt);
    const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
    const at = toLocalTime(new Date(msOf(recordLike(decision.winner))), offsetMinutes);
    const reason = `Paper day entered twice; ${kept}'s entry is kept`;
    for (const eventId of lost.eventIds) {
      if (s.ownEvent.get(eventId, log.deviceId) === undefined || s.withdrawn.get(eventId) !== undefined) continue;
      const id = uuidv7();
      s.insertCorrection.run(id, eventId, lost.staffId, reason, at.iso, at.ms);
      outbox.enqueue({ type: 'correction', id, deviceId: log.deviceId, targetType: 'attendance', targetId: eventId, staffId: lost.staffId, reason, occurredAt: at.iso, occurredMs: at.ms }, at.ms);
    }
  }
}

function ownPaperDay(db: Database, recordId: string): OfKind<'paper-day'>['body'] | null {
  const row = db.prepare<[string], { device_id: string; seq: number; kind: PeerRecord['kind']; record_id: string; hlc: string; base: string | null; body: string | null }>(
    'SELECT device_id, seq, kind, record_id, hlc, base, body FROM peer_log WHERE record_id = ?',
  ).get(recordId);
  const parsed = row === undefined ? null : registerRecordOf(row);
  return parsed !== null && parsed.kind === 'paper-day' ? parsed.body : null;
}

export const applyStaffAccount = registerApplier('staff-account', projectAccount);
export const applyStaffPin = registerApplier('staff-pin', projectStaffDecision);
export const applyStaffLock = registerApplier('staff-lock', projectStaffDecision);
export const applyStaffCard = registerApplier('staff-card', projectCard);
export const applyPaperDay = registerApplier('paper-day', projectPaperDay, withdrawLostPaperDay);
