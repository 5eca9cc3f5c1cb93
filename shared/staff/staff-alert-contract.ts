// Staff alerts kept until handled (issue 17 §4): a companion refused at pick-up, the kiosk's clock off the city's.
// The door shows only how many there are (a count on the staff entry); the staff screens list them, each once a day
// however often it happened (a count and the last time), until a staff member handles it in their own name.
// Merged into the staff requests (staff-contract.ts).
import { z } from 'zod';
import { Id } from '../domain/attendance.js';

const Session = { sessionId: z.string().uuid() };
const Clock = z.string().regex(/^\d{2}:\d{2}$/);

const seen = {
  id: z.string().max(64),
  /** The kindergarten's day it happened on. */
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Local "HH:MM" of the first and the newest time it happened that day. */
  firstAt: Clock,
  lastAt: Clock,
  /** How many times it happened that day while open. */
  count: z.number().int().positive(),
};

export const KeptAlertSchema = z.discriminatedUnion('kind', [
  z.object({ ...seen, kind: z.literal('pickup-not-allowed'), companionFirstName: z.string(), childFirstNames: z.array(z.string()) }),
  /** City clock minus kiosk clock, in whole minutes, as last measured: positive when the kiosk is behind. */
  z.object({ ...seen, kind: z.literal('clock-drift'), driftMinutes: z.number().int() }),
]);
export type KeptAlert = z.infer<typeof KeptAlertSchema>;

export const staffAlertRequests = {
  /** The open kept alerts, newest first: a private list on the staff screens, never on the door. */
  staffKeptAlerts: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => z.object({ alerts: z.array(KeptAlertSchema) })) },
  /** A staff member handled an alert (spoke to the companion, set the clock): in their name, audited; it leaves the list. */
  staffHandleAlert: { args: z.lazy(() => z.object({ ...Session, alertId: Id }).strict()), result: z.lazy(() => z.object({}).strict()) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
