// The staff requests of KioskApi (merged into kioskRequests in shared/api/contract.ts): sign-in, overrides,
// corrections, absences, the headcount and closing time. Every request but the sign-in ones carries the session id
// the sign-in returned; the core ends sessions that stay idle.
import { z } from 'zod';
import { returnCheckRequests } from './return-check-contract.js';
import { staffAlertRequests } from './staff-alert-contract.js';
import { paperDayRequests } from './paper-day-contract.js';
import { HeadcountViewSchema } from './headcount-view.js';
import { CardSourceSchema, EventKindSchema, EventMethodSchema, Id } from '../domain/attendance.js';
import {
  AbsenceReasonSchema,
  CorrectionTargetTypeSchema,
  OverrideReasonSchema,
  PinSchema,
  PresenceStateSchema,
  StaffRoleSchema,
  StaffSignInModeSchema,
} from './staff-domain.js';

const Clock = z.string().regex(/^\d{2}:\d{2}$/);
export const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Name = z.string().trim().min(1).max(80);
const Note = z.string().trim().min(1).max(500);
const Session = { sessionId: z.string().uuid() };

export const StaffMemberSchema = z.lazy(() => z.object({ id: Id, firstName: z.string(), lastName: z.string(), role: StaffRoleSchema }));
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const StaffSessionSchema = z.lazy(() => z.object({
  sessionId: z.string().uuid(),
  staff: StaffMemberSchema,
  /** The UI returns to the door after this long without a touch; the core ends the session after it too. */
  idleSeconds: z.number().int().positive(),
  /**
   * An admin's session in the console: the console signs out after this long untouched (warning first), and the core
   * keeps an admin's session alive as long. Null for staff, who never open the console.
   */
  consoleIdleSeconds: z.number().int().positive().nullable(),
}));
export type StaffSession = z.infer<typeof StaffSessionSchema>;

export const SignInOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('signed-in'), session: StaffSessionSchema }),
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: z.number().int().nonnegative() }),
  /** Too many wrong PINs: no PIN is even checked until then (local "HH:MM"). */
  z.object({ outcome: z.literal('locked'), until: Clock }),
  /** An unknown or withdrawn staff card, or a staff member without a PIN. */
  z.object({ outcome: z.literal('unknown') }),
]));
export type SignInOutcome = z.infer<typeof SignInOutcomeSchema>;

export const StaffChildSchema = z.lazy(() => z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  groupId: Id,
  groupName: z.string(),
  state: PresenceStateSchema,
  /** "HH:MM" of the event that set the state (arrival or departure), if any. */
  since: Clock.nullable(),
  absenceReason: AbsenceReasonSchema.nullable(),
  /** The month's unexcused days reached the limit: staff see a flag. */
  unexcusedLimitReached: z.boolean(),
}));
export type StaffChild = z.infer<typeof StaffChildSchema>;

export const ChildCompanionSchema = z.lazy(() => z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  relation: z.string(),
  mayBring: z.boolean(),
  mayCollect: z.boolean(),
}));
export type ChildCompanion = z.infer<typeof ChildCompanionSchema>;

export const AbsenceSummarySchema = z.lazy(() => z.object({
  id: z.string(),
  firstDate: LocalDateSchema,
  lastDate: LocalDateSchema,
  reason: AbsenceReasonSchema,
}));

export const SeasonUseSchema = z.object({
  season: z.enum(['summer', 'winter']),
  label: z.string(),
  first: LocalDateSchema,
  last: LocalDateSchema,
  used: z.number().int().nonnegative(),
  allowed: z.number().int().nonnegative(),
});

export const HolidayWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('season-over'), season: z.enum(['summer', 'winter']), label: z.string(), used: z.number().int(), allowed: z.number().int() }),
  z.object({ kind: z.literal('off-season'), days: z.number().int().positive() }),
]);

export const ChildDetailSchema = z.lazy(() => z.object({
  child: StaffChildSchema,
  companions: z.array(ChildCompanionSchema),
  /** What an override records unless staff choose otherwise: the opposite of today's last event. */
  nextAction: EventKindSchema,
  unexcusedDaysThisMonth: z.number().int().nonnegative(),
  unexcusedDaysPerMonth: z.number().int().nonnegative(),
  /** School days an illness may have without a certificate before its days count as unexcused. */
  sickDaysWithoutCertificate: z.number().int().nonnegative(),
  /** This year's summer and the winter now running or next to come: holiday days used and allowed. */
  holidays: z.array(SeasonUseSchema),
  /** Absences from today on, not withdrawn. */
  absences: z.array(AbsenceSummarySchema),
}));
export type ChildDetail = z.infer<typeof ChildDetailSchema>;

export const DayEventSchema = z.lazy(() => z.object({
  id: Id,
  childId: Id,
  childFirstName: z.string(),
  childLastName: z.string(),
  groupName: z.string(),
  kind: EventKindSchema,
  method: EventMethodSchema,
  at: Clock,
  /** Who recorded an override; null for a card or a code. */
  staffName: z.string().nullable(),
  overrideReason: OverrideReasonSchema.nullable(),
  /** Who brought or collected the child (the card's holder, or the companion named in an override); null if unknown. */
  companion: z.string().nullable(),
  /** Set when a correction withdrew this event. */
  cancelled: z.boolean(),
  /** Whether the signed-in member may withdraw it (correction-service.ts mayWithdraw): the button shows only then. */
  withdrawable: z.boolean(),
}));
export type DayEvent = z.infer<typeof DayEventSchema>;

export const HeadcountGroupSchema = z.lazy(() => z.object({
  groupId: Id,
  groupName: z.string(),
  present: z.number().int().nonnegative(),
  enrolled: z.number().int().nonnegative(),
  absent: z.number().int().nonnegative(),
  presentNames: z.array(z.string()),
}));
export type HeadcountGroup = z.infer<typeof HeadcountGroupSchema>;

export const HeadcountSchema = z.lazy(() => z.object({
  id: z.string(),
  localDate: LocalDateSchema,
  takenAt: Clock,
  trigger: z.enum(['cut-off', 'manual']),
  groups: z.array(HeadcountGroupSchema),
}));
export type Headcount = z.infer<typeof HeadcountSchema>;

export const ClosingChildSchema = z.lazy(() => z.object({
  child: StaffChildSchema,
  companions: z.array(ChildCompanionSchema),
  /** Set when staff already answered "still here" today (with their note). */
  stillHereNote: z.string().nullable(),
}));
export type ClosingChild = z.infer<typeof ClosingChildSchema>;

export const OverrideDraftSchema = z
  .object({
    ...Session,
    childId: Id,
    kind: EventKindSchema,
    reason: OverrideReasonSchema.exclude(['closing-time']),
    note: Note.optional(),
    companionId: Id.optional(),
    companionName: Name.optional(),
  })
  .strict()
  .refine((d) => d.reason !== 'other' || d.note !== undefined, { message: 'the reason "other" needs a note', path: ['note'] });

export const AbsenceDraftSchema = z
  .object({
    ...Session,
    childId: Id,
    firstDate: LocalDateSchema,
    lastDate: LocalDateSchema,
    reason: AbsenceReasonSchema,
    certificateNumber: z.string().trim().min(1).max(64).optional(),
    certificateDate: LocalDateSchema.optional(),
    note: Note.optional(),
  })
  .strict()
  .refine((d) => d.lastDate >= d.firstDate, { message: 'the last day is before the first', path: ['lastDate'] })
  .refine((d) => d.reason !== 'other' || d.note !== undefined, { message: 'the reason "other" needs a note', path: ['note'] });

const Empty = z.lazy(() => z.object({}).strict());

/** A staff card as the Staff page lists it: the canonical number (the UI prints it the reader's way). */
export const StaffCardSchema = z.lazy(() => z.object({ id: z.string(), canonical: z.string() }));
export type StaffCard = z.infer<typeof StaffCardSchema>;

/** One member of the roster's staff as an admin manages it. A PIN is never shown, only whether one is set. */
export const StaffAccountSchema = z.lazy(() => z.object({
  member: StaffMemberSchema,
  /** 'city': from the city's roster (named there); 'local': made on this kiosk (the first admin). */
  origin: z.enum(['city', 'local']),
  hasPin: z.boolean(),
  /** Locked by wrong PINs until this local "HH:MM"; null when not locked now. */
  lockedUntil: Clock.nullable(),
  /** Wrong PINs since the last good one (the lock comes at five). */
  failedAttempts: z.number().int().nonnegative(),
  cards: z.array(StaffCardSchema),
}));
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

/** Why a new PIN was refused: one digit repeated or a block said again (0000, 1212), or a run (1234, 9876). */
export const PinWeaknessSchema = z.enum(['repeat', 'sequence']);

export const PinSetOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('set') }),
  z.object({ outcome: z.literal('weak'), weakness: PinWeaknessSchema }),
  /** Another admin's PIN: the acting admin's own PIN was wrong; it counts towards their lock like one at sign-in. */
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: z.number().int().nonnegative() }),
  /** The acting admin's account is locked (and the session ended): the door comes back. */
  z.object({ outcome: z.literal('locked'), until: Clock }),
]));
export type PinSetOutcome = z.infer<typeof PinSetOutcomeSchema>;

/** The first admin is made and signed in, or their PIN is refused as too easy to guess (nothing is made). */
export const FirstAdminOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), session: StaffSessionSchema }),
  z.object({ outcome: z.literal('weak'), weakness: PinWeaknessSchema }),
]));
export type FirstAdminOutcome = z.infer<typeof FirstAdminOutcomeSchema>;

export const PinChangeOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('changed') }),
  z.object({ outcome: z.literal('weak'), weakness: PinWeaknessSchema }),
  /** The old PIN was wrong: it counts towards the lock like a wrong PIN at sign-in. */
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: z.number().int().nonnegative() }),
  /** The account is locked (and the session ended): the door comes back. */
  z.object({ outcome: z.literal('locked'), until: Clock }),
]));
export type PinChangeOutcome = z.infer<typeof PinChangeOutcomeSchema>;

export const CardEnrolOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('enrolled'), card: StaffCardSchema }),
  /** The reading is no card number (or only part of one: a W26 reader's 24 bits cannot name a card for sure). */
  z.object({ outcome: z.literal('unreadable') }),
  /** Already a staff card in use: this member's own, or another's (named, so the admin knows whose to withdraw). */
  z.object({ outcome: z.literal('taken'), ownerName: z.string() }),
  /** A companion's card: a card is never both. */
  z.object({ outcome: z.literal('companion-card') }),
]));
export type CardEnrolOutcome = z.infer<typeof CardEnrolOutcomeSchema>;

export const staffRequests = {
  /** Who may sign in here, for the name buttons (empty in card-only mode), and whether the first admin is missing. */
  staffSignInOptions: {
    args: Empty,
    result: z.lazy(() => z.object({ mode: StaffSignInModeSchema, staff: z.array(StaffMemberSchema), needsFirstAdmin: z.boolean() })),
  },
  staffSignIn: {
    args: z
      .object({
        who: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('staff'), staffId: Id }).strict(),
          z.object({ kind: z.literal('card'), raw: z.string().min(1).max(64), source: CardSourceSchema }).strict(),
        ]),
        pin: PinSchema,
      })
      .strict(),
    result: SignInOutcomeSchema,
  },
  /** Only while no admin has a PIN yet (STAFF_SETUP_DONE after): the kindergarten's first admin, signed in at once. */
  staffCreateFirstAdmin: {
    args: z.lazy(() => z.object({ firstName: Name, lastName: Name, pin: PinSchema }).strict()),
    result: FirstAdminOutcomeSchema,
  },
  staffSignOut: { args: z.lazy(() => z.object({ ...Session, why: z.enum(['button', 'idle']) }).strict()), result: Empty },
  /** Staff are at work on the screen (typing a note, choosing dates) without asking anything: keep the session open. */
  staffKeepAlive: { args: z.lazy(() => z.object(Session).strict()), result: Empty },
  staffGroups: {
    args: z.lazy(() => z.object(Session).strict()),
    result: z.lazy(() => z.object({ groups: z.array(z.object({ id: Id, name: z.string() })) })),
  },
  /** A group's children, or a name search over all groups (Kazakh letters folded). */
  staffChildren: {
    args: z.lazy(() => z.object({ ...Session, groupId: Id.optional(), query: z.string().max(80).optional() }).strict()),
    result: z.lazy(() => z.object({ children: z.array(StaffChildSchema) })),
  },
  staffChildDetail: { args: z.lazy(() => z.object({ ...Session, childId: Id }).strict()), result: ChildDetailSchema },
  staffOverride: {
    args: OverrideDraftSchema,
    result: z.lazy(() => z.object({ eventId: Id, childFirstName: z.string(), kind: EventKindSchema, at: Clock })),
  },
  staffDayEvents: {
    args: z.lazy(() => z.object({ ...Session, childId: Id.optional() }).strict()),
    result: z.lazy(() => z.object({ events: z.array(DayEventSchema) })),
  },
  staffCorrect: {
    args: z
      .object({ ...Session, target: z.object({ type: CorrectionTargetTypeSchema, id: Id }).strict(), reason: Note })
      .strict(),
    result: z.lazy(() => z.object({ correctionId: z.string() })),
  },
  staffMarkAbsence: { args: AbsenceDraftSchema, result: z.lazy(() => z.object({ absenceId: z.string(), detail: ChildDetailSchema })) },
  /** Before a holiday is recorded: the season allowance it would exceed, or its days outside summer and winter. */
  staffHolidayCheck: {
    args: z.lazy(() =>
      z.object({ ...Session, childId: Id, firstDate: LocalDateSchema, lastDate: LocalDateSchema }).strict().refine((d) => d.lastDate >= d.firstDate, { message: 'the last day is before the first', path: ['lastDate'] }),
    ),
    result: z.lazy(() => z.object({ warnings: z.array(HolidayWarningSchema) })),
  },
  /** Today's cut-off snapshot if taken (with the time it really counted), and the count right now (headcount-view.ts). */
  staffHeadcount: {
    args: z.lazy(() => z.object(Session).strict()),
    result: z.lazy(() => HeadcountViewSchema),
  },
  staffTakeHeadcount: { args: z.lazy(() => z.object(Session).strict()), result: HeadcountSchema },
  /** The children still checked in, for staff to resolve one by one. */
  staffClosing: {
    args: z.lazy(() => z.object(Session).strict()),
    result: z.lazy(() => z.object({ closingTime: Clock, passed: z.boolean(), children: z.array(ClosingChildSchema) })),
  },
  staffResolveClosing: {
    args: z
      .object({
        ...Session,
        childId: Id,
        outcome: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('left'), companionId: Id.optional(), companionName: Name.optional() }).strict(),
          z.object({ kind: z.literal('still-here'), note: Note }).strict(),
        ]),
      })
      .strict()
      .refine((d) => d.outcome.kind !== 'left' || d.outcome.companionId !== undefined || d.outcome.companionName !== undefined, {
        message: 'say who the child left with',
        path: ['outcome'],
      }),
    result: z.lazy(() => z.object({ eventId: Id.nullable() })),
  },
  /** Admins only (STAFF_FORBIDDEN otherwise): the roster's staff with their PIN, lock and cards. */
  staffAccounts: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => z.object({ staff: z.array(StaffAccountSchema) })) },
  /**
   * Admins only: sets or resets a member's PIN (typed twice on the keypad); the member's lock is cleared. Never the
   * acting admin's own (STAFF_OWN_PIN: that is staffChangeOwnPin, which asks for the old one); another admin's only
   * with the acting admin's own PIN (`adminPin`, checked like a sign-in), so an unattended session cannot take over
   * an admin account.
   */
  staffSetPin: {
    args: z.lazy(() => z.object({ ...Session, staffId: Id, pin: PinSchema, adminPin: PinSchema.optional() }).strict()),
    result: PinSetOutcomeSchema,
  },
  /** Admins only: a card tapped on the reader becomes the member's staff card. */
  staffEnrolCard: {
    args: z.lazy(() => z.object({ ...Session, staffId: Id, card: z.object({ raw: z.string().min(1).max(64), source: CardSourceSchema }).strict() }).strict()),
    result: CardEnrolOutcomeSchema,
  },
  /** Admins only: a staff card stops opening the sign-in (lost, or handed back). */
  staffWithdrawCard: { args: z.lazy(() => z.object({ ...Session, cardId: z.string().min(1).max(64) }).strict()), result: Empty },
  /** Admins only: ends a lock at once and starts the wrong-PIN count afresh. */
  staffUnlock: { args: z.lazy(() => z.object({ ...Session, staffId: Id }).strict()), result: Empty },
  /** The signed-in member's own PIN: the old one, then the new one (typed twice on the keypad). */
  staffChangeOwnPin: { args: z.lazy(() => z.object({ ...Session, oldPin: PinSchema, newPin: PinSchema }).strict()), result: PinChangeOutcomeSchema },
  ...returnCheckRequests,
  ...paperDayRequests,
  ...staffAlertRequests,
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type StaffRequestName = keyof typeof staffRequests;
