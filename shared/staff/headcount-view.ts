// The nurse's headcount (issue 16 §6): per group the children present, expected and away with an excused reason, and
// the names of those not yet in; the snapshot the kiosk kept at the cut-off (with the time it really counted) beside
// the count right now. One shape for the staff screens and the console, so the office PC shows the same page.
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { AbsenceReasonSchema } from './staff-domain.js';

const Clock = z.string().regex(/^\d{2}:\d{2}$/);
const Count = z.number().int().nonnegative();

export const NotYetInSchema = z.object({
  name: z.string(),
  /** 'family' when the family said the child stays home: unexcused, so still expected, but nobody waits at the door. */
  absence: AbsenceReasonSchema.nullable(),
});
export type NotYetIn = z.infer<typeof NotYetInSchema>;

export const NurseGroupSchema = z.object({
  groupId: Id,
  groupName: z.string(),
  /** On the roll that day. */
  enrolled: Count,
  /** In the building now (arrived, not gone). */
  present: Count,
  /** Came and already went. */
  left: Count,
  /** On the roll, a school day, and not on an excused absence. */
  expected: Count,
  /** Away with an excused reason (every reason but 'family'), reasons with none left out. */
  excused: z.array(z.object({ reason: AbsenceReasonSchema, count: Count })),
  notYetIn: z.array(NotYetInSchema),
  presentNames: z.array(z.string()),
});
export type NurseGroup = z.infer<typeof NurseGroupSchema>;

export const HeadcountSnapshotSchema = z.object({
  id: z.string(),
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The cut-off it stood for (the setting at the time it was taken). */
  cutOff: Clock,
  /** When the kiosk really counted: the cut-off when it was running then, else the first moment after it. */
  takenAt: Clock,
  /** Counted after the cut-off's minute (the kiosk was off or asleep at the cut-off). */
  late: z.boolean(),
  /** False for a snapshot an earlier version kept: it holds the present counts and names only. */
  detailed: z.boolean(),
  groups: z.array(NurseGroupSchema),
});
export type HeadcountSnapshot = z.infer<typeof HeadcountSnapshotSchema>;

export const HeadcountViewSchema = z.object({
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The cut-off setting now. */
  cutOff: Clock,
  /** A weekend, a holiday or a transferred day off: nobody is expected and no snapshot is taken. */
  schoolDay: z.boolean(),
  snapshot: HeadcountSnapshotSchema.nullable(),
  live: z.object({ at: Clock, groups: z.array(NurseGroupSchema) }),
});
export type HeadcountView = z.infer<typeof HeadcountViewSchema>;
