// Children who never come (issue 16 §3; merged into adminRequests): the children on the roll with no attendance for
// `neverComeAfterDays` school days and no excused absence covering them (shared/admin/never-come.ts).
import { z } from 'zod';
import { LocalDateSchema } from './work-calendar.js';

const Session = { sessionId: z.string().uuid() };

export const NeverComeChildSchema = z.object({
  childId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  /** School days in the run: neither there nor excused, weekends, holidays and transfers not counted. */
  schoolDays: z.number().int().positive(),
  /** The run goes back further than the kiosk reads (a year): schoolDays is a lower bound. */
  atLeast: z.boolean(),
  /** The last day the child was there; null: never, since their enrolment or since the kiosk kept records. */
  lastSeen: LocalDateSchema.nullable(),
});
export type NeverComeChild = z.infer<typeof NeverComeChildSchema>;

export const NeverComeListSchema = z.object({
  /** The day counted back from (today). */
  asOf: LocalDateSchema,
  /** The setting the list was drawn with. */
  afterDays: z.number().int().positive(),
  children: z.array(NeverComeChildSchema),
});
export type NeverComeList = z.infer<typeof NeverComeListSchema>;

export const neverComeRequests = {
  /** Admins only: the children on the roll who have not come for the setting's school days, by group and name. */
  adminNeverCome: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => NeverComeListSchema) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
