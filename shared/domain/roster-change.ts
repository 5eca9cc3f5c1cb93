// One change to the roster made at the kiosk (the admin's hand edits, or a spreadsheet's rows): what the core applies
// in one transaction (electron/core/roster/edit/), and what the city receives inside a roster-change record
// (docs/sync-protocol.md, "Roster changes"). Whole rows, as the city's roster holds them: the city applies one the same
// way whatever came before it.
import { z } from 'zod';
import { Id } from './attendance.js';
import { RelationSchema } from './roster.js';

const Name = z.string().trim().min(1).max(80);
/** A local day of the kindergarten's calendar (YYYY-MM-DD). */
export const EnrolmentDaySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const RosterGroupSchema = z.object({ id: Id, name: Name, sortOrder: z.number().int().min(0).max(10_000) });
export const RosterChildSchema = z.object({ id: Id, groupId: Id, firstName: Name, lastName: Name });
export const RosterCompanionSchema = z.object({ id: Id, firstName: Name, lastName: Name, relation: RelationSchema });
export const RosterLinkSchema = z.object({ companionId: Id, childId: Id, mayBring: z.boolean(), mayCollect: z.boolean(), blocked: z.boolean() });

export const RosterChangeSchema = z.discriminatedUnion('kind', [
  /** A group added, renamed or reordered; a group taken out of service comes back with it. */
  z.object({ kind: z.literal('group'), group: RosterGroupSchema }),
  /** A group taken out of service: only once no active child is in it. Its history stays. */
  z.object({ kind: z.literal('group-closed'), groupId: Id }),
  /**
   * A child added or edited. A new child, or one who had left, is enrolled from `joinedOn` (today when absent); for a
   * child already enrolled it is ignored.
   */
  z.object({ kind: z.literal('child'), child: RosterChildSchema, joinedOn: EnrolmentDaySchema.optional() }),
  /** A child who leaves: `lastDay` is the last day they are enrolled (today when absent). Their days stay theirs. */
  z.object({ kind: z.literal('child-left'), childId: Id, lastDay: EnrolmentDaySchema.optional() }),
  /** A companion added or edited; a companion taken out of service comes back with it (with no rights until given). */
  z.object({ kind: z.literal('companion'), companion: RosterCompanionSchema }),
  /** A companion taken out of service: every right they had goes with it, their cards open nothing. */
  z.object({ kind: z.literal('companion-removed'), companionId: Id }),
  /** Who may bring or collect whom, or is banned: the rights of one companion for one child. */
  z.object({ kind: z.literal('link'), link: RosterLinkSchema }),
  /** A companion loses every right for one child. */
  z.object({ kind: z.literal('link-removed'), companionId: Id, childId: Id }),
]);
export type RosterChange = z.infer<typeof RosterChangeSchema>;
export type RosterChangeKind = RosterChange['kind'];

/** Which roster row a change is about: what the city's roster and the kiosk's pull key it by. */
export function rosterChangeTarget(change: RosterChange): { entity: 'group' | 'child' | 'companion' | 'link'; key: string } {
  switch (change.kind) {
    case 'group':
      return { entity: 'group', key: change.group.id };
    case 'group-closed':
      return { entity: 'group', key: change.groupId };
    case 'child':
      return { entity: 'child', key: change.child.id };
    case 'child-left':
      return { entity: 'child', key: change.childId };
    case 'companion':
      return { entity: 'companion', key: change.companion.id };
    case 'companion-removed':
      return { entity: 'companion', key: change.companionId };
    case 'link':
      return { entity: 'link', key: linkKeyOf(change.link.companionId, change.link.childId) };
    case 'link-removed':
      return { entity: 'link', key: linkKeyOf(change.companionId, change.childId) };
  }
}

/** JSON, not a separator: ids are free text (the city roster keys links the same way). */
export function linkKeyOf(companionId: string, childId: string): string {
  return JSON.stringify([companionId, childId]);
}

/** Why a set of roster changes was refused (nothing of it was applied); `index` is the change's place in the set. */
export const RosterEditProblemSchema = z.enum([
  /** A child named a group the roster does not hold, or one taken out of service. */
  'group-unknown',
  /** A group still has children enrolled: they move or leave first. */
  'group-has-children',
  /** A change named a child the roster does not hold. */
  'child-unknown',
  /** Rights given for a child who is not enrolled now. */
  'child-not-enrolled',
  /** A change named a companion the roster does not hold. */
  'companion-unknown',
  /** Rights given to a companion taken out of service. */
  'companion-inactive',
  /** A child cannot leave on a day still to come. */
  'day-in-future',
  /** A child cannot leave before the day they joined. */
  'day-before-joining',
  /** A child who left cannot come back on or before the last day they were enrolled. */
  'day-not-after-leaving',
]);
export type RosterEditProblem = z.infer<typeof RosterEditProblemSchema>;

export const RosterEditOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('applied'),
    /** The changes made together (roster_changes.batch_id); null when every change was already so. */
    batchId: z.string().nullable(),
    /** Changes written (each audited and queued for the city). */
    changed: z.number().int().nonnegative(),
    /** Changes that were already so: nothing written, nothing queued (the same spreadsheet twice changes nothing). */
    unchanged: z.number().int().nonnegative(),
  }),
  z.object({
    outcome: z.literal('refused'),
    problems: z.array(z.object({ index: z.number().int().nonnegative(), reason: RosterEditProblemSchema })).min(1),
  }),
]);
export type RosterEditOutcome = z.infer<typeof RosterEditOutcomeSchema>;
