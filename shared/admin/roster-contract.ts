// The admin console's roster pages (merged into adminRequests): the groups, children and companions with their rights
// as the kiosk holds them, and a set of hand edits applied together (shared/domain/roster-change.ts). Where the city
// keeps the roster the core refuses every edit with ROSTER_MANAGED_BY_CITY.
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { RelationSchema } from '../domain/roster.js';
import { RosterChangeSchema, RosterEditOutcomeSchema } from '../domain/roster-change.js';

const Session = { sessionId: z.string().uuid() };
const Day = z.string().nullable();

export const RosterViewSchema = z.lazy(() =>
  z.object({
    /** Hand edits are the kindergarten's to make here (a kiosk on its own, or a city that leaves the roster to it). */
    editable: z.boolean(),
    /** Enrolled with a city server: changes made here are sent to it. */
    cityEnrolled: z.boolean(),
    groups: z.array(z.object({ id: Id, name: z.string(), sortOrder: z.number().int(), active: z.boolean() })),
    children: z.array(
      z.object({
        id: Id,
        groupId: Id,
        firstName: z.string(),
        lastName: z.string(),
        active: z.boolean(),
        /** The latest enrolment period: from (null: since before the kiosk knew) and until (null: still enrolled). */
        enrolledFrom: Day,
        enrolledUntil: Day,
      }),
    ),
    companions: z.array(
      z.object({
        id: Id,
        firstName: z.string(),
        lastName: z.string(),
        relation: RelationSchema,
        active: z.boolean(),
        rights: z.array(z.object({ childId: Id, mayBring: z.boolean(), mayCollect: z.boolean(), blocked: z.boolean() })),
      }),
    ),
  }),
);
export type RosterView = z.infer<typeof RosterViewSchema>;

export const rosterRequests = {
  /** The roster as the kiosk holds it, inactive rows too (their history stays). */
  adminRoster: { args: z.lazy(() => z.object(Session).strict()), result: RosterViewSchema },
  /** Applies hand edits together, as the signed-in admin's act; refused whole with every problem, or applied whole. */
  adminEditRoster: {
    args: z.lazy(() => z.object({ ...Session, changes: z.array(RosterChangeSchema).min(1).max(200) }).strict()),
    result: RosterEditOutcomeSchema,
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
