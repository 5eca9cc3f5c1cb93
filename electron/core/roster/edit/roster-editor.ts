// Applies a set of roster changes made at the kiosk — the admin's hand edits in the console or the rows of a
// spreadsheet — in ONE transaction: each change checked against the roster as the changes before it left it, written to
// the roster tables, logged in roster_changes with its author, queued for the city as a roster-change record and
// audited. Any problem refuses the whole set and writes nothing, so the door never sees half a spreadsheet. A change
// that is already so writes nothing either: applying the same set twice changes nothing the second time.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { fail, ok, type Result } from '../../../../shared/api/result.js';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import {
  rosterChangeTarget,
  type RosterChange,
  type RosterEditOutcome,
  type RosterEditProblem,
} from '../../../../shared/domain/roster-change.js';
import type { RosterChangeRecord } from '../../../../shared/sync/protocol.js';
import type { AdminAudit } from '../../ledger/admin-audit.js';
import { OutboxWriter } from '../../ledger/outbox-store.js';
import { ChildEnrolments } from '../child-enrolments.js';
import { rosterKeptHere, type RosterAuthorityDeps } from './roster-authority.js';

export type RosterEditSource = RosterChangeRecord['source'];

export interface RosterEditorDeps extends RosterAuthorityDeps {
  db: Database;
  audit: AdminAudit;
  /** This kiosk's device id: the records name it. */
  deviceId: string;
}

/** Every statement an edit runs, here so the migration test can check each one's query plan. */
export const ROSTER_EDIT_SQL = {
  group: 'SELECT name, sort_order AS sortOrder, active FROM groups WHERE id = ?',
  insertGroup: 'INSERT INTO groups (id, name, sort_order, active) VALUES (?, ?, ?, 1)',
  updateGroup: 'UPDATE groups SET name = ?, sort_order = ?, active = 1 WHERE id = ?',
  closeGroup: 'UPDATE groups SET active = 0 WHERE id = ?',
  groupHasChildren: 'SELECT 1 FROM children WHERE group_id = ? AND active = 1 LIMIT 1',
  child: 'SELECT group_id AS groupId, first_name AS firstName, last_name AS lastName, active FROM children WHERE id = ?',
  insertChild: 'INSERT INTO children (id, group_id, first_name, last_name, active) VALUES (?, ?, ?, ?, 1)',
  updateChild: 'UPDATE children SET group_id = ?, first_name = ?, last_name = ?, active = 1 WHERE id = ?',
  childLeaves: 'UPDATE children SET active = 0 WHERE id = ?',
  linksOfChild: 'SELECT companion_id AS companionId FROM companion_children WHERE child_id = ?',
  deleteLinksOfChild: 'DELETE FROM companion_children WHERE child_id = ?',
  companion: 'SELECT first_name AS firstName, last_name AS lastName, relation, active FROM companions WHERE id = ?',
  insertCompanion: 'INSERT INTO companions (id, first_name, last_name, relation, active) VALUES (?, ?, ?, ?, 1)',
  updateCompanion: 'UPDATE companions SET first_name = ?, last_name = ?, relation = ?, active = 1 WHERE id = ?',
  removeCompanion: 'UPDATE companions SET active = 0 WHERE id = ?',
  deleteLinksOfCompanion: 'DELETE FROM companion_children WHERE companion_id = ?',
  link: 'SELECT may_bring AS mayBring, may_collect AS mayCollect, blocked FROM companion_children WHERE companion_id = ? AND child_id = ?',
  upsertLink: `INSERT INTO companion_children (companion_id, child_id, may_bring, may_collect, blocked) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (companion_id, child_id) DO UPDATE SET may_bring = excluded.may_bring, may_collect = excluded.may_collect, blocked = excluded.blocked`,
  deleteLink: 'DELETE FROM companion_children WHERE companion_id = ? AND child_id = ?',
  insertChange: `INSERT INTO roster_changes (id, batch_id, entity, entity_key, kind, source, body, staff_id, occurred_at, occurred_ms)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

type Row<T> = T | undefined;
interface GroupRow { name: string; sortOrder: number; active: 0 | 1 }
interface ChildRow { groupId: string; firstName: string; lastName: string; active: 0 | 1 }
interface CompanionRow { firstName: string; lastName: string; relation: string; active: 0 | 1 }
interface LinkRow { mayBring: 0 | 1; mayCollect: 0 | 1; blocked: 0 | 1 }

/** What one change did: refused, nothing to do, or the change as written (with the days it took filled in). */
type Step = { problem: RosterEditProblem } | { unchanged: true } | { written: RosterChange; detail?: Record<string, unknown> };

/** A new id for a group, child or companion added at the kiosk (sorts by when it was made, as the records' ids do). */
export function newRosterId(): string {
  return uuidv7();
}

/** Thrown inside the transaction to undo it when any change is refused. */
class Refused extends Error {
  constructor(readonly problems: { index: number; reason: RosterEditProblem }[]) {
    super('roster changes refused');
  }
}

export class RosterEditor {
  private readonly outbox: OutboxWriter;
  private readonly enrolments: ChildEnrolments;
  private readonly s: { [K in keyof typeof ROSTER_EDIT_SQL]: Statement };

  constructor(private readonly deps: RosterEditorDeps) {
    const { db } = deps;
    this.outbox = new OutboxWriter(db);
    this.enrolments = new ChildEnrolments(db);
    this.s = Object.fromEntries(Object.entries(ROSTER_EDIT_SQL).map(([name, sql]) => [name, db.prepare(sql)])) as RosterEditor['s'];
  }

  /** Whether hand edits are the kindergarten's to make here (a kiosk on its own, or a city that leaves the roster to it). */
  editable(): boolean {
    return rosterKeptHere(this.deps);
  }

  /**
   * Applies the changes in order, all or nothing, as `staffId`'s act from `source` at `at`. Refused with
   * ROSTER_MANAGED_BY_CITY where the city keeps the roster; answers 'refused' with every problem found otherwise.
   */
  apply(staffId: string, source: RosterEditSource, changes: readonly RosterChange[], at: LocalTime): Result<RosterEditOutcome> {
    if (!this.editable()) return fail('ROSTER_MANAGED_BY_CITY');
    const batchId = uuidv7();
    try {
      return ok(
        this.deps.db
          .transaction((): RosterEditOutcome => {
            const problems: { index: number; reason: RosterEditProblem }[] = [];
            let changed = 0;
            let unchanged = 0;
            changes.forEach((change, index) => {
              const step = this.step(change, at);
              if ('problem' in step) problems.push({ index, reason: step.problem });
              else if ('unchanged' in step) unchanged += 1;
              else {
                this.record(batchId, staffId, source, step.written, step.detail ?? {}, at);
                changed += 1;
              }
            });
            if (problems.length > 0) throw new Refused(problems);
            return { outcome: 'applied', batchId: changed > 0 ? batchId : null, changed, unchanged };
          })
          .immediate(),
      );
    } catch (error) {
      if (error instanceof Refused) return ok({ outcome: 'refused', problems: error.problems });
      throw error;
    }
  }

  private step(change: RosterChange, at: LocalTime): Step {
    switch (change.kind) {
      case 'group': {
        const { id, name, sortOrder } = change.group;
        const row = this.s.group.get(id) as Row<GroupRow>;
        if (row && row.active === 1 && row.name === name && row.sortOrder === sortOrder) return { unchanged: true };
        if (row) this.s.updateGroup.run(name, sortOrder, id);
        else this.s.insertGroup.run(id, name, sortOrder);
        return { written: change };
      }
      case 'group-closed': {
        const row = this.s.group.get(change.groupId) as Row<GroupRow>;
        if (!row) return { problem: 'group-unknown' };
        if (row.active === 0) return { unchanged: true };
        if (this.s.groupHasChildren.get(change.groupId)) return { problem: 'group-has-children' };
        this.s.closeGroup.run(change.groupId);
        return { written: change };
      }
      case 'child':
        return this.child(change, at);
      case 'child-left':
        return this.childLeft(change.childId, change.lastDay ?? at.localDate, at);
      case 'companion': {
        const { id, firstName, lastName, relation } = change.companion;
        const row = this.s.companion.get(id) as Row<CompanionRow>;
        if (row && row.active === 1 && row.firstName === firstName && row.lastName === lastName && row.relation === relation) return { unchanged: true };
        if (row) this.s.updateCompanion.run(firstName, lastName, relation, id);
        else this.s.insertCompanion.run(id, firstName, lastName, relation);
        return { written: change };
      }
      case 'companion-removed': {
        const row = this.s.companion.get(change.companionId) as Row<CompanionRow>;
        if (!row) return { problem: 'companion-unknown' };
        if (row.active === 0) return { unchanged: true };
        this.s.removeCompanion.run(change.companionId);
        // Their cards stay theirs (the card log names them) but open nothing: no child is linked any more.
        const rightsRemoved = this.s.deleteLinksOfCompanion.run(change.companionId).changes;
        return { written: change, detail: { rightsRemoved } };
      }
      case 'link': {
        const { companionId, childId, mayBring, mayCollect, blocked } = change.link;
        const companion = this.s.companion.get(companionId) as Row<CompanionRow>;
        if (!companion) return { problem: 'companion-unknown' };
        if (companion.active === 0) return { problem: 'companion-inactive' };
        const child = this.s.child.get(childId) as Row<ChildRow>;
        if (!child) return { problem: 'child-unknown' };
        if (child.active === 0) return { problem: 'child-not-enrolled' };
        const row = this.s.link.get(companionId, childId) as Row<LinkRow>;
        if (row && row.mayBring === +mayBring && row.mayCollect === +mayCollect && row.blocked === +blocked) return { unchanged: true };
        this.s.upsertLink.run(companionId, childId, +mayBring, +mayCollect, +blocked);
        return { written: change };
      }
      case 'link-removed':
        return this.s.deleteLink.run(change.companionId, change.childId).changes === 0 ? { unchanged: true } : { written: change };
    }
  }

  /** A child added, edited, or back after leaving. A new or returning child's period starts on joinedOn (today if absent). */
  private child(change: Extract<RosterChange, { kind: 'child' }>, at: LocalTime): Step {
    const { id, groupId, firstName, lastName } = change.child;
    const group = this.s.group.get(groupId) as Row<GroupRow>;
    if (!group || group.active === 0) return { problem: 'group-unknown' };
    const row = this.s.child.get(id) as Row<ChildRow>;
    if (row && row.active === 1) {
      if (row.groupId === groupId && row.firstName === firstName && row.lastName === lastName) return { unchanged: true };
      this.s.updateChild.run(groupId, firstName, lastName, id);
      // Already enrolled: the days they are enrolled do not change with their name or group.
      return { written: { kind: 'child', child: change.child } };
    }
    const joinedOn = change.joinedOn ?? at.localDate;
    if (row) {
      const lastDay = this.enrolments.lastDayEnrolled(id);
      if (lastDay !== null && joinedOn <= lastDay) return { problem: 'day-not-after-leaving' };
      this.s.updateChild.run(groupId, firstName, lastName, id);
      this.enrolments.join(id, joinedOn, false);
    } else {
      this.s.insertChild.run(id, groupId, firstName, lastName);
      this.enrolments.join(id, joinedOn, true);
    }
    return { written: { ...change, joinedOn } };
  }

  /** The child leaves after `lastDay`: inactive, their period closed there, their companions' rights for them gone. */
  private childLeft(childId: string, lastDay: string, at: LocalTime): Step {
    const row = this.s.child.get(childId) as Row<ChildRow>;
    if (!row) return { problem: 'child-unknown' };
    if (row.active === 0) return { unchanged: true };
    if (lastDay > at.localDate) return { problem: 'day-in-future' };
    const open = this.enrolments.openPeriod(childId);
    if (open !== undefined && open.fromDay !== null && open.fromDay <= at.localDate && lastDay < open.fromDay) return { problem: 'day-before-joining' };
    const companions = (this.s.linksOfChild.all(childId) as { companionId: string }[]).map((l) => l.companionId);
    this.s.deleteLinksOfChild.run(childId);
    this.s.childLeaves.run(childId);
    this.enrolments.leave(childId, lastDay);
    return { written: { kind: 'child-left', childId, lastDay }, detail: { rightsRemovedFor: companions } };
  }

  /** The change log row, the record for the city and the admin's trail: inside the edit's transaction. */
  private record(batchId: string, staffId: string, source: RosterEditSource, change: RosterChange, detail: Record<string, unknown>, at: LocalTime): void {
    const id = uuidv7();
    const { entity, key } = rosterChangeTarget(change);
    this.s.insertChange.run(id, batchId, entity, key, change.kind, source, JSON.stringify(change), staffId, at.iso, at.ms);
    const record: RosterChangeRecord = { type: 'roster-change', id, deviceId: this.deps.deviceId, staffId, source, occurredAt: at.iso, occurredMs: at.ms, change };
    this.outbox.enqueue(record, at.ms);
    this.deps.audit.record('roster-changed', staffId, at, { changeId: id, batchId, source, kind: change.kind, entity, key, ...detail });
  }
}
