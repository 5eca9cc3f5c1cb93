// Days the kiosk was down (issue 16 §7): an admin enters a past day of a group from the paper list — the roll of that
// day with everyone ticked, the absent unticked — and the core records an arrival for each child present, attributed,
// audited and pushed with both the day described and the time of entry. Merged into the staff requests
// (staff-contract.ts). A refusal is an outcome with a reason the screen words from its own catalog (paper-day-*.ts).
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { AbsenceReasonSchema } from './staff-domain.js';

const Session = { sessionId: z.string().uuid() };
/** A real calendar day, YYYY-MM-DD (not 2026-02-30). */
const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, { message: 'not a calendar day' });

/**
 * Why a day cannot be entered. The day: today or later ('not-past': today's records come from the door and its
 * overrides), before the start of the previous month ('too-old': that табель is signed and paid), a weekend or
 * holiday ('not-school-day'), a day before the kiosk kept any records ('before-records': the табель says nothing of it, and
 * one entry would turn every day since into unexplained absences), a group unknown. The roll: a ticked child with an absence on record that day
 * ('absence-on-day': withdraw the absence first), an unticked child the kiosk (or another door) recorded that day
 * ('recorded-but-absent': the records disagree with the paper; withdraw the record first), a child not on that day's
 * roll ('not-on-roll': the roster changed since the list was shown).
 */
export const PaperDayRefusalSchema = z.enum(['not-past', 'too-old', 'before-records', 'not-school-day', 'unknown-group', 'absence-on-day', 'recorded-but-absent', 'not-on-roll']);
export type PaperDayRefusal = z.infer<typeof PaperDayRefusalSchema>;

/** One child on the day's roll. */
export const PaperDayChildSchema = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  /** Already recorded present that day (the door before it went down, another door): counted as it is, nothing added. */
  recorded: z.boolean(),
  /** An absence on record covering the day (not withdrawn): unticked, and refused if ticked. */
  absence: AbsenceReasonSchema.nullable(),
});
export type PaperDayChild = z.infer<typeof PaperDayChildSchema>;

/** Who entered a day and when (the kiosk's local time, ISO with offset), with the counts saved. */
export const PaperDayEntrySchema = z.object({
  id: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  present: z.number().int().nonnegative(),
  absent: z.number().int().nonnegative(),
});
export type PaperDayEntry = z.infer<typeof PaperDayEntrySchema>;

export const PaperDayRollSchema = z.discriminatedUnion('state', [
  /** The day can be entered: its roll. */
  z.object({ state: z.literal('open'), date: LocalDate, groupId: Id, groupName: z.string(), children: z.array(PaperDayChildSchema) }),
  /** Entered already: saving it again writes nothing. */
  z.object({ state: z.literal('entered'), date: LocalDate, groupId: Id, groupName: z.string(), entry: PaperDayEntrySchema }),
  z.object({ state: z.literal('refused'), date: LocalDate, groupId: Id, why: PaperDayRefusalSchema }),
]);
export type PaperDayRoll = z.infer<typeof PaperDayRollSchema>;

export const PaperDaySaveOutcomeSchema = z.discriminatedUnion('outcome', [
  /** Arrivals written for `added` children; `alreadyRecorded` were counted already and got none. */
  z.object({ outcome: z.literal('saved'), entry: PaperDayEntrySchema, added: z.number().int().nonnegative(), alreadyRecorded: z.number().int().nonnegative() }),
  /** The group's day was entered before (by whom, when): nothing written again. */
  z.object({ outcome: z.literal('already-entered'), entry: PaperDayEntrySchema }),
  /** Nothing written; `names` are the children the reason is about (first and last name), when it is about some. */
  z.object({ outcome: z.literal('refused'), why: PaperDayRefusalSchema, names: z.array(z.string()) }),
]);
export type PaperDaySaveOutcome = z.infer<typeof PaperDaySaveOutcomeSchema>;

export const paperDayRequests = {
  /** Admins only: the group's roll for a past day, or that it was entered already, or why it cannot be entered. */
  staffPaperDay: { args: z.lazy(() => z.object({ ...Session, groupId: Id, date: LocalDate }).strict()), result: PaperDayRollSchema },
  /** Admins only: saves the day, `present` the children ticked (everyone on the roll not named is absent). */
  staffSavePaperDay: {
    args: z.lazy(() => z.object({ ...Session, groupId: Id, date: LocalDate, present: z.array(Id).max(500) }).strict()),
    result: PaperDaySaveOutcomeSchema,
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
