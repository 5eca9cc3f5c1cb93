// The kindergarten's clock in the admin console (merged into adminRequests): its time zone, which only an admin changes
// (audited), and what the kiosk knows about the clocks: the OS zone's offset against the setting's, and the OS clock
// against the city's.
import { z } from 'zod';

const Session = { sessionId: z.string().uuid() };

/** An IANA name's shape; whether the tz data knows it is the core's check (TIME_ZONE_UNKNOWN). */
export const TimeZoneNameSchema = z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/);

/**
 * What the admin screens warn about: the OS clock more than two minutes from the city's (at the last exchange), and the
 * OS zone's offset now not the kindergarten's (an old PC that still thinks Almaty is UTC+6, or a zone never set).
 */
export const ClockWarningSchema = z.enum(['os-clock-off', 'os-zone-offset-differs']);
export type ClockWarning = z.infer<typeof ClockWarningSchema>;

export const ClockCheckSchema = z.object({
  /** The kindergarten's zone (the setting) and its offset east of UTC now, in minutes. */
  zone: TimeZoneNameSchema,
  zoneOffsetMinutes: z.number().int(),
  /** The kindergarten's local time now, ISO with its offset. */
  localNow: z.string(),
  /** The zone the OS says it is in, and its offset now. */
  osZone: z.string().max(64),
  osOffsetMinutes: z.number().int(),
  /** The city's clock minus the kiosk's in ms, from the last exchange with the city; null before the first. */
  cityClockOffsetMs: z.number().int().nullable(),
  warnings: z.array(ClockWarningSchema),
});
export type ClockCheck = z.infer<typeof ClockCheckSchema>;

export const timeZoneRequests = {
  /** The kindergarten's zone and the clock checks, for the console's clock page and its warnings. */
  adminClock: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => ClockCheckSchema) },
  /** Sets the kindergarten's zone (TIME_ZONE_UNKNOWN when the tz data has no such zone); audited with the old one. */
  adminSetTimeZone: { args: z.lazy(() => z.object({ ...Session, zone: TimeZoneNameSchema }).strict()), result: z.lazy(() => ClockCheckSchema) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
