// The vocabulary of staff on duty: roles, override and absence reasons, corrections, and every staff action the
// audit trail records. Shared by the core, the UI and (later) the city protocol.
import { z } from 'zod';

export const StaffRoleSchema = z.enum(['staff', 'admin']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** Why staff recorded a child by hand instead of a card or a code. 'closing-time': resolved at closing. */
export const OverrideReasonSchema = z.enum(['forgot-card', 'no-phone', 'device-broken', 'closing-time', 'other']);
export type OverrideReason = z.infer<typeof OverrideReasonSchema>;
/** The reasons a person at the door picks from (closing-time is set by the closing list itself). */
export const doorOverrideReasons = ['forgot-card', 'no-phone', 'device-broken', 'other'] as const satisfies readonly OverrideReason[];
export type DoorOverrideReason = (typeof doorOverrideReasons)[number];

/**
 * Why a child stays home, as the табель distinguishes it. 'family' is the unexcused one (up to 3 days a month in
 * Almaty); 'sick' is covered by a medical certificate; 'vacation' counts against the yearly allowance.
 */
export const AbsenceReasonSchema = z.enum(['sick', 'vacation', 'sanatorium', 'family', 'other']);
export type AbsenceReason = z.infer<typeof AbsenceReasonSchema>;

/** What a correction withdraws: an attendance event, or an absence. Nothing is edited; the record stays. */
export const CorrectionTargetTypeSchema = z.enum(['attendance', 'absence']);
export type CorrectionTargetType = z.infer<typeof CorrectionTargetTypeSchema>;

/** How a staff member signs in: pick the name and type the PIN, or only with a staff card and the PIN. */
export const StaffSignInModeSchema = z.enum(['name-or-card', 'card-only']);
export type StaffSignInMode = z.infer<typeof StaffSignInModeSchema>;

/** Today's place of a child, as staff see it. */
export const PresenceStateSchema = z.enum(['expected', 'present', 'left', 'absent']);
export type PresenceState = z.infer<typeof PresenceStateSchema>;

/**
 * Every staff action, each of which leaves a row in the staff audit trail (a test walks this list). System-made
 * rows (the automatic 09:00 headcount) carry no staff id.
 */
export const STAFF_ACTIONS = [
  'first-admin-created',
  'sign-in',
  'sign-in-failed',
  'account-locked',
  'sign-out',
  'session-timeout',
  'override',
  'correction',
  'absence',
  'headcount',
  'closing-resolution',
  // Account management (electron/core/staff/staff-account-admin.ts): an admin sets or resets a PIN, enrols or
  // withdraws a staff card, unlocks a locked account; a staff member changes their own PIN.
  'pin-set',
  'pin-changed',
  'card-enrolled',
  'card-withdrawn',
  'account-unlocked',
  // A child back after a long absence: staff saw the doctor's certificate, or found it missing.
  'certificate-check',
  // A past day of a group entered from the paper list, the kiosk having been down (issue 16 §7).
  'paper-day',
  // A kept staff alert (a refused pick-up, the clock off the city's) handled by a staff member (issue 17 §4).
  'staff-alert-handled',
  // An account made only on a computer that then joined the kindergarten's others, deactivated by an admin there
  // (electron/core/computers/computers-desk.ts, docs/peers.md §9 "Joining with history").
  'account-deactivated',
] as const;
export const StaffActionSchema = z.enum(STAFF_ACTIONS);
export type StaffAction = z.infer<typeof StaffActionSchema>;

/** Four to eight digits: typed on the kiosk's own keypad. */
export const PinSchema = z.string().regex(/^\d{4,8}$/);

/** The two ways a staff member signs in: picking their name, or tapping their staff card. */
export type SignInChannel = 'name' | 'card';
