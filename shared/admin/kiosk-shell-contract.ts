// The admin console's "This computer" requests (merged into adminRequests): leaving the kiosk, which the admin
// confirms with their PIN again, whether the demo may be put aside (the page's "Start afresh"), and whether the installed app starts when its user logs in (Windows; on Linux the
// package's autostart entry starts it, docs/kiosk-setup.md).
import { z } from 'zod';
import { PinSchema } from '../staff/staff-domain.js';

const Session = { sessionId: z.string().uuid() };

export const KioskShellStateSchema = z.object({
  /** The shell can close the kiosk when an admin leaves (the installed app, the web host); false in tests. */
  canLeave: z.boolean(),
  /** Whether the app starts at its user's login; null where the app does not manage that (Linux, run from the sources). */
  startAtLogin: z.boolean().nullable(),
  /**
   * The kiosk holds its own demo, so "Start afresh" (adminStartAfresh, shared/setup/setup-contract.ts) is offered: the
   * demo's records go, kept whole, into a new folder inside `setAsideIn`. Null on a kindergarten's own records.
   */
  startAfresh: z.object({ setAsideIn: z.string().max(4096) }).nullable(),
});
export type KioskShellState = z.infer<typeof KioskShellStateSchema>;

/** Leaving answers that the kiosk is closing, or the PIN check's outcome, or that this shell cannot close it. */
export const LeaveKioskOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('leaving') }),
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: z.number().int().nonnegative() }),
  z.object({ outcome: z.literal('locked'), until: z.string() }),
  z.object({ outcome: z.literal('not-here') }),
]);
export type LeaveKioskOutcome = z.infer<typeof LeaveKioskOutcomeSchema>;

export const kioskShellRequests = {
  adminKioskShell: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => KioskShellStateSchema) },
  /** Closes the kiosk once the admin's own PIN is given again (checked like a sign-in); on record as kiosk-left. */
  adminLeaveKiosk: { args: z.lazy(() => z.object({ ...Session, pin: PinSchema }).strict()), result: z.lazy(() => LeaveKioskOutcomeSchema) },
  /** Starts the app at its user's login, or stops doing so; on record as settings-changed. */
  adminSetStartAtLogin: { args: z.lazy(() => z.object({ ...Session, on: z.boolean() }).strict()), result: z.lazy(() => KioskShellStateSchema) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
