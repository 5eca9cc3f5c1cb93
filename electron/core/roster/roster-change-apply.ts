// The roster folder's applier of another machine's hand edits of the roster (docs/peers.md §6 "roster edits by hand"):
// a register per group, child, companion and link, decided by the rules of ledger/merge-rules.ts — restrictive wins
// for a link field by field, leaving wins for a child, removal wins for a companion and a group closing, else the
// later edit — and the decided row written to the tables the door and the screens read. The change is logged in
// roster_changes under its own id (no outbox row: it reaches the city from its own machine); when this machine's own
// edit lost, it restates the decided row as a roster-change of its own (queued for the city, so the merge reaches it
// once). Written as the editor writes (roster/edit/roster-editor.ts), without its refusals: the edit was checked
// where it was made, and a row a merge decided must be written whatever this machine's roster says.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import { rosterChangeTarget, RosterChangeSchema, type RosterChange } from '../../../shared/domain/roster-change.js';
import { RosterChangeRecordSchema, type RosterChangeRecord } from '../../../shared/sync/protocol.js';
import type { RegisterDecision } from '../ledger/merge-rules.js';
import { OutboxWriter } from '../ledger/outbox-store.js';
import type { PeerApplier, PeerApplyResult } from '../ledger/peer-applier.js';
import { peerLogOf } from '../ledger/peer-log.js';
import { settleRegister } from '../ledger/peer-registers.js';
import { decidedNowMs } from '../ledger/register-apply.js';
import { ChildEnrolments } from './child-enrolments.js';
import { ROSTER_EDIT_SQL } from './edit/roster-editor.js';

const DecidedRosterValue = z.object({ change: RosterChangeSchema });

interface ChangeLogRow {
  id: string;
  staff_id: string;
  source: RosterChangeRecord['source'];
  occurred_at: string;
}

interface ApplyStatements {
  staff: Statement<[string]>;
  logged: Statement<[string], ChangeLogRow>;
  group: Statement<[string], { active: number }>;
  child: Statement<[string], { active: number }>;
  companion: Statement<[string], { active: number }>;
  insertGroup: Statement<[string, string, number]>;
  updateGroup: Statement<[string, number, string]>;
  closeGroup: Statement<[string]>;
  insertChild: Statement<[string, string, string, string]>;
  updateChild: Statement<[string, string, string, string]>;
  childLeaves: Statement<[string]>;
  deleteLinksOfChild: Statement<[string]>;
  insertCompanion: Statement<[string, string, string, string]>;
  updateCompanion: Statement<[string, string, string, string]>;
  removeCompanion: Statement<[string]>;
  deleteLinksOfCompanion: Statement<[string]>;
  upsertLink: Statement<[string, string, number, number, number]>;
  deleteLink: Statement<[string, string]>;
  insertChange: Statement<[string, string, string, string, string, string, string, string, string, number]>;
}

const prepared = new WeakMap<Database, ApplyStatements>();

function statementsOf(db: Database): ApplyStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      staff: db.prepare('SELECT 1 FROM staff WHERE id = ?'),
      logged: db.prepare('SELECT id, staff_id, source, occurred_at FROM roster_changes WHERE id = ?'),
      group: db.prepare('SELECT active FROM groups WHERE id = ?'),
      child: db.prepare('SELECT active FROM children WHERE id = ?'),
      companion: db.prepare('SELECT active FROM companions WHERE id = ?'),
      insertGroup: db.prepare(ROSTER_EDIT_SQL.insertGroup),
      updateGroup: db.prepare(ROSTER_EDIT_SQL.updateGroup),
      closeGroup: db.prepare(ROSTER_EDIT_SQL.closeGroup),
      insertChild: db.prepare(ROSTER_EDIT_SQL.insertChild),
      updateChild: db.prepare(ROSTER_EDIT_SQL.updateChild),
      childLeaves: db.prepare(ROSTER_EDIT_SQL.childLeaves),
      deleteLinksOfChild: db.prepare(ROSTER_EDIT_SQL.deleteLinksOfChild),
      insertCompanion: db.prepare(ROSTER_EDIT_SQL.insertCompanion),
      updateCompanion: db.prepare(ROSTER_EDIT_SQL.updateCompanion),
      removeCompanion: db.prepare(ROSTER_EDIT_SQL.removeCompanion),
      deleteLinksOfCompanion: db.prepare(ROSTER_EDIT_SQL.deleteLinksOfCompanion),
      upsertLink: db.prepare(ROSTER_EDIT_SQL.upsertLink),
      deleteLink: db.prepare(ROSTER_EDIT_SQL.deleteLink),
      insertChange: db.prepare(ROSTER_EDIT_SQL.insertChange),
    };
    prepared.set(db, s);
  }
  return s;
}

/** What a change names that must be here before it can be written (the foreign keys would refuse it otherwise). */
function missing(s: ApplyStatements, change: RosterChange): string | null {
  switch (change.kind) {
    case 'group':
    case 'companion':
    case 'link-removed':
      return null;
    case 'group-closed':
      return s.group.get(change.groupId) === undefined ? `group:${change.groupId}` : null;
    case 'child':
      return s.group.get(change.child.groupId) === undefined ? `group:${change.child.groupId}` : null;
    case 'child-left':
      return s.child.get(change.childId) === undefined ? `child:${change.childId}` : null;
    case 'companion-removed':
      return s.companion.get(change.companionId) === undefined ? `companion:${change.companionId}` : null;
    case 'link':
      if (s.companion.get(change.link.companionId) === undefined) return `companion:${change.link.companionId}`;
      return s.child.get(change.link.childId) === undefined ? `child:${change.link.childId}` : null;
  }
}

export const applyRosterChange: PeerApplier = (db, record): PeerApplyResult => {
  const parsed = record.body === null ? null : RosterChangeRecordSchema.safeParse(JSON.parse(record.body));
  if (parsed === null || !parsed.success) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a roster-change body' };
  const edit = parsed.data;
  const s = statementsOf(db);
  if (s.logged.get(edit.id) !== undefined) return { outcome: 'applied' };
  if (s.staff.get(edit.staffId) === undefined) return { outcome: 'waiting', waitsFor: `staff:${edit.staffId}` };
  const waitsFor = missing(s, edit.change);
  if (waitsFor !== null) return { outcome: 'waiting', waitsFor };

  logChange(s, edit, edit.id);
  const { decision } = settleRegister(db, { kind: 'roster-change', body: { change: edit.change } }, { nowMs: decidedNowMs(db), followUp: (d) => restate(db, d) });
  const decided = DecidedRosterValue.safeParse(decision.value);
  if (!decided.success) return { outcome: 'applied' };
  // A child whose row, leaving or rights changed: the door and the screens read them afresh.
  const children = writeRow(db, decided.data.change, edit.occurredAt.slice(0, 10));
  return { outcome: 'applied', children };
};

function logChange(s: ApplyStatements, edit: RosterChangeRecord, batchId: string): void {
  const { entity, key } = rosterChangeTarget(edit.change);
  s.insertChange.run(edit.id, batchId, entity, key, edit.change.kind, edit.source, JSON.stringify(edit.change), edit.staffId, edit.occurredAt, edit.occurredMs);
}

/**
 * Writes a decided row to the roster tables, as the editor would have; answers the children it touched. `madeOn` is
 * the day the change was made at its machine: a leave with no day names it (the editor always names one).
 */
function writeRow(db: Database, change: RosterChange, madeOn: string): string[] {
  const s = statementsOf(db);
  const enrolments = new ChildEnrolments(db);
  switch (change.kind) {
    case 'group': {
      const { id, name, sortOrder } = change.group;
      if (s.group.get(id) === undefined) s.insertGroup.run(id, name, sortOrder);
      else s.updateGroup.run(name, sortOrder, id);
      return [];
    }
    case 'group-closed':
      s.closeGroup.run(change.groupId);
      return [];
    case 'child': {
      const { id, groupId, firstName, lastName } = change.child;
      const row = s.child.get(id);
      if (row === undefined) {
        s.insertChild.run(id, groupId, firstName, lastName);
        enrolments.join(id, change.joinedOn ?? null, true);
      } else {
        s.updateChild.run(groupId, firstName, lastName, id);
        // Back after leaving: a new period from the day it names; an enrolled child's days do not change.
        if (row.active === 0) enrolments.join(id, change.joinedOn ?? madeOn, false);
      }
      return [id];
    }
    case 'child-left': {
      const row = s.child.get(change.childId);
      if (row === undefined || row.active === 0) return [];
      s.deleteLinksOfChild.run(change.childId);
      s.childLeaves.run(change.childId);
      enrolments.leave(change.childId, change.lastDay ?? madeOn);
      return [change.childId];
    }
    case 'companion': {
      const { id, firstName, lastName, relation } = change.companion;
      if (s.companion.get(id) === undefined) s.insertCompanion.run(id, firstName, lastName, relation);
      else s.updateCompanion.run(firstName, lastName, relation, id);
      return [];
    }
    case 'companion-removed': {
      const children = db.prepare<[string], { child_id: string }>('SELECT child_id FROM companion_children WHERE companion_id = ?').all(change.companionId);
      s.removeCompanion.run(change.companionId);
      s.deleteLinksOfCompanion.run(change.companionId);
      return children.map((c) => c.child_id);
    }
    case 'link': {
      const { companionId, childId, mayBring, mayCollect, blocked } = change.link;
      // Rights for a child who left, or from a companion taken out of service, open nothing (the editor refuses them).
      if (s.child.get(childId)?.active !== 1 || s.companion.get(companionId)?.active !== 1) return [];
      s.upsertLink.run(companionId, childId, +mayBring, +mayCollect, +blocked);
      return [childId];
    }
    case 'link-removed':
      s.deleteLink.run(change.companionId, change.childId);
      return [change.childId];
  }
}

/**
 * This machine's own edit of the register lost (§6): it restates the decided row as a roster-change of its own, with
 * the winner as its base (the outbox names it), logged and queued for the city, in the name of the admin whose edit
 * lost, at this machine's time in that edit's offset.
 */
function restate(db: Database, decision: RegisterDecision): void {
  const log = peerLogOf(db);
  const decided = DecidedRosterValue.safeParse(decision.value);
  if (log === null || !decided.success) return;
  const s = statementsOf(db);
  const lost = decision.conflicts.find((c) => c.loserDeviceId === log.deviceId);
  const own = lost === undefined ? undefined : s.logged.get(lost.loserId);
  if (own === undefined) return;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(own.occurred_at);
  const at = toLocalTime(new Date(log.wallMs()), offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0);
  const record: RosterChangeRecord = {
    type: 'roster-change',
    id: uuidv7(),
    deviceId: log.deviceId,
    staffId: own.staff_id,
    source: own.source,
    occurredAt: at.iso,
    occurredMs: at.ms,
    change: decided.data.change,
  };
  logChange(s, record, record.id);
  new OutboxWriter(db).enqueue(record, at.ms);
}
