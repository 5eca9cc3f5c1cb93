// The first-run setup on the door screen (issue 15 §2), and "start afresh" (the demo put aside): what the screen may
// ask the core and what it is answered. The core keeps which steps are done; the screen only shows them.
import { z } from 'zod';
import { CardSourceSchema, LanguageSchema } from '../domain/attendance.js';
import { ReaderFormatSchema } from '../credentials/reader-format.js';
import { FirstAdminOutcomeSchema } from '../staff/staff-contract.js';
import { PinSchema } from '../staff/staff-domain.js';

const Session = { sessionId: z.string().uuid() };
/** Before the first admin exists a step needs no session; after, only an admin's (the core checks which applies). */
const MaybeSession = { sessionId: z.string().uuid().optional() };
const Count = z.number().int().nonnegative();
const Name = z.string().trim().min(1).max(100);

export const SETUP_STEPS = ['language', 'role', 'name', 'timeZone', 'admin', 'roster', 'readers', 'checklist'] as const;
export const SetupStepSchema = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStepSchema>;

/**
 * What this computer is (docs/peers.md §2): 'door' at the entrance, with the card reader and the camera; 'office' the
 * console and the staff screens only, no reader. A door-only setting, never a record (ledger/settings-store.ts).
 */
export const MACHINE_ROLES = ['door', 'office'] as const;
export const MachineRoleSchema = z.enum(MACHINE_ROLES);
export type MachineRole = z.infer<typeof MachineRoleSchema>;

/** Kazakhstan's zones, offered first (IANA names; all of them UTC+5 since 1 March 2024). */
export const KAZAKHSTAN_TIME_ZONES = ['Asia/Almaty', 'Asia/Qostanay', 'Asia/Qyzylorda', 'Asia/Aqtobe', 'Asia/Aqtau', 'Asia/Atyrau', 'Asia/Oral'] as const;
export const TimeZoneNameSchema = z.string().regex(/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}$|^UTC$/).max(64);

/** What a city sent at enrollment, shown before the kiosk takes it (nothing is applied yet). */
export const CityPreviewSchema = z.lazy(() => z.object({
    serverUrl: z.string().max(2048),
    kindergartenName: z.string().max(200),
    groups: z.array(z.object({ name: z.string().max(200), children: Count })).max(1000),
    children: Count,
    companions: Count,
    cards: Count,
  }));
export type CityPreview = z.infer<typeof CityPreviewSchema>;

/** A card tapped in the readers step: the number as the kiosk stores it, and how it was read. */
export const ReaderTestSchema = z.lazy(() => z.object({
    canonical: z.string().max(64),
    /** 'em': EM-Marine 125 kHz; 'uid': Mifare 13.56 MHz. */
    kind: z.enum(['em', 'uid']),
    /** Only part of the number (a W26 reader). */
    partial: z.boolean(),
    source: CardSourceSchema,
    /** The reader format the number was read with ('canonical': an HID reader's, already applied). */
    readerFormat: z.union([ReaderFormatSchema, z.literal('canonical')]),
  }));
export type ReaderTest = z.infer<typeof ReaderTestSchema>;

/**
 * The camera in the readers step: 'working' once its live preview read a QR code (any code: nothing of it is kept),
 * else why it could not be used, as the door's camera tells it (renderer/src/camera/camera-problem.ts).
 */
export const CameraTestSchema = z.enum(['working', 'noCamera', 'permissionDenied', 'unplugged']);
export type CameraTest = z.infer<typeof CameraTestSchema>;

/** The setup's progress as the settings table keeps it (the kindergarten's name is in its own table). */
export const StoredSetupSchema = z.lazy(() => z.object({
    languageChosen: z.boolean(),
    /** Absent in what a kiosk stored before the question: it was a door then, and stays one. */
    roleChosen: z.boolean().default(false),
    timeZone: TimeZoneNameSchema.nullable(),
    roster: z.enum(['city', 'own']).nullable(),
    readerTest: ReaderTestSchema.nullable(),
    /** Absent in what a kiosk stored before the camera had a live test. */
    cameraTest: CameraTestSchema.nullable().default(null),
    finished: z.boolean(),
  }).strict());
export type StoredSetup = z.infer<typeof StoredSetupSchema>;

export const SetupViewSchema = z.lazy(() => z.object({
    /** The door shows the setup instead of the idle screen. */
    needed: z.boolean(),
    /** The kiosk holds the demo: no setup, but "start afresh" in the console. */
    demo: z.boolean(),
    steps: z.array(z.object({ step: SetupStepSchema, done: z.boolean() })),
    language: LanguageSchema,
    /** The door or the office; an office's steps leave the readers out (it has none). */
    machineRole: MachineRoleSchema,
    name: z.string().max(200).nullable(),
    timeZone: z.string().max(64).nullable(),
    adminExists: z.boolean(),
    roster: z.object({ mode: z.enum(['city', 'own']).nullable(), enrolled: z.boolean(), groups: Count, children: Count, companions: Count, cards: Count }),
    /** An enrollment waiting for "this is ours" or "not this one". */
    cityPreview: CityPreviewSchema.nullable(),
    readerTest: ReaderTestSchema.nullable(),
    /** An HID data-mode reader is configured (keyboard-mode ones need none). */
    hidReaders: Count,
    cameraChosen: z.boolean(),
    /** The camera the door uses (the door settings'; null: the default one), and what its live test found. */
    cameraDeviceId: z.string().max(512).nullable(),
    cameraTest: CameraTestSchema.nullable(),
    finished: z.boolean(),
  }));
export type SetupView = z.infer<typeof SetupViewSchema>;

export const StartAfreshOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  /** The demo records are kept in this folder (inside the data folder); the kiosk now opens empty, on the setup. */
  z.object({ outcome: z.literal('started'), setAside: z.string().max(1024) }),
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: Count }),
  z.object({ outcome: z.literal('locked'), until: z.string().max(32) }),
]));
export type StartAfreshOutcome = z.infer<typeof StartAfreshOutcomeSchema>;

/** Changing the role later from the console: changed, or the PIN check's outcome (nothing changed). */
export const MachineRoleOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('set'), machineRole: MachineRoleSchema }),
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: Count }),
  z.object({ outcome: z.literal('locked'), until: z.string().max(32) }),
]));
export type MachineRoleOutcome = z.infer<typeof MachineRoleOutcomeSchema>;

export const setupRequests = {
  setupStatus: { args: z.lazy(() => z.object({}).strict()), result: SetupViewSchema },
  setupSetLanguage: { args: z.lazy(() => z.object({ ...MaybeSession, language: LanguageSchema }).strict()), result: SetupViewSchema },
  /**
   * The first run's "This computer is… the door / the office". Only while the setup is not finished (STAFF_FORBIDDEN
   * after): from then on the role changes on the console's This computer page, with the PIN again.
   */
  setupSetRole: { args: z.lazy(() => z.object({ ...MaybeSession, machineRole: MachineRoleSchema }).strict()), result: SetupViewSchema },
  setupSetName: { args: z.lazy(() => z.object({ ...MaybeSession, name: z.string().trim().min(1).max(200) }).strict()), result: SetupViewSchema },
  /** SETUP_BAD_TIME_ZONE for a name this machine's time zone data does not know. */
  setupSetTimeZone: { args: z.lazy(() => z.object({ ...MaybeSession, timeZone: TimeZoneNameSchema }).strict()), result: SetupViewSchema },
  /** The first admin, their PIN typed twice on the screen; weak PINs refused; signed in at once. */
  setupCreateAdmin: { args: z.lazy(() => z.object({ firstName: Name, lastName: Name, pin: PinSchema }).strict()), result: FirstAdminOutcomeSchema },
  /** Enrolls with the city and reads its roster without applying it (ENROLL_* codes): the admin looks first. */
  setupCityPreview: {
    args: z.lazy(() => z.object({ ...Session, serverUrl: z.string().trim().min(1).max(2048), code: z.string().trim().min(1).max(64) }).strict()),
    result: CityPreviewSchema,
  },
  /** "This is ours": the enrollment is kept and the roster applied (SETUP_NO_CITY_PREVIEW without one waiting). */
  setupCityAccept: { args: z.lazy(() => z.object(Session).strict()), result: SetupViewSchema },
  /** "Not this one": nothing the city sent is kept. */
  setupCityReject: { args: z.lazy(() => z.object(Session).strict()), result: SetupViewSchema },
  /** Working on its own: the roster from a spreadsheet, kept by hand. */
  setupChooseOwn: { args: z.lazy(() => z.object(Session).strict()), result: SetupViewSchema },
  /** A card tapped in the readers step (SETUP_NOT_A_CARD for a reading that is no card number). */
  setupReaderTest: { args: z.lazy(() => z.object({ ...Session, raw: z.string().min(1).max(64), source: CardSourceSchema }).strict()), result: ReaderTestSchema },
  /** What the camera's live preview in the readers step found ('working': it read a code). */
  setupCameraTest: { args: z.lazy(() => z.object({ ...Session, outcome: CameraTestSchema }).strict()), result: SetupViewSchema },
  setupFinish: { args: z.lazy(() => z.object(Session).strict()), result: SetupViewSchema },
  /**
   * The demo put aside (renamed beside the data, never deleted) and an empty kiosk with a new device id opened on the
   * setup: an admin's, with their PIN again (AFRESH_NOT_DEMO on a kiosk that holds a kindergarten's own records).
   */
  /** The console's This computer page: the role changed with the admin's PIN again, on record as machine-role-set. */
  adminSetMachineRole: { args: z.lazy(() => z.object({ ...Session, pin: PinSchema, machineRole: MachineRoleSchema }).strict()), result: MachineRoleOutcomeSchema },
  adminStartAfresh: { args: z.lazy(() => z.object({ ...Session, pin: PinSchema }).strict()), result: StartAfreshOutcomeSchema },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type SetupRequestName = keyof typeof setupRequests;
