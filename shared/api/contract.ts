// KioskApi: every request and every pushed event the UI may use, with the zod schemas both sides check.
import { z } from 'zod';
import { CardSourceSchema, EventKindSchema, Id, LanguageSchema, QrSourceSchema } from '../domain/attendance.js';
import { SoundLevelSchema } from '../admin/door-settings.js';
import { SyncStatusSchema } from '../sync/sync-status.js';
import { resultSchema, type Result } from './result.js';
import { staffRequests } from '../staff/staff-contract.js';
import { adminRequests } from '../admin/admin-contract.js';
import { backupRequests } from '../admin/backup-contract.js';
import { updateRequests } from '../admin/update-contract.js';
import { diagnosticsRequests } from '../admin/diagnostics-contract.js';
import { consoleRestoreRequests, restoreRequests } from '../admin/restore-contract.js';
import { MachineRoleSchema, setupRequests } from '../setup/setup-contract.js';
import { peersRequests } from '../peers/peers-contract.js';

const Clock = z.string().regex(/^\d{2}:\d{2}$/);

export const ChildAtDoorSchema = z.lazy(() => z.object({
  id: Id,
  firstName: z.string(),
  groupName: z.string(),
  action: EventKindSchema,
  /** Local "HH:MM" of today's arrival when the child is in the building. */
  presentSince: Clock.nullable(),
  /** False when this companion may not take this child for this action; the UI shows it greyed out. */
  allowed: z.boolean(),
}));
export type ChildAtDoor = z.infer<typeof ChildAtDoorSchema>;

/** What the door must ask or tell before a child of an offer is recorded; the core checks the answers at confirm. */
export const DoorQuestionSchema = z.lazy(() => z.discriminatedUnion('kind', [
  /**
   * A departure soon after today's arrival (the door setting departureGuardMinutes), likely a second tap by mistake:
   * not preselected, never recorded by the tap or the auto-confirm; recorded only when the companion answers yes
   * (confirmOffer's answers.leavingNow).
   */
  z.object({ kind: z.literal('leaving-soon-after-arrival'), childId: Id, arrivedAt: Clock }),
  /** This companion may not collect the child (or bring it: may-not-bring): shown greyed out, staff are told. */
  z.object({ kind: z.literal('may-not-collect'), childId: Id }),
  z.object({ kind: z.literal('may-not-bring'), childId: Id }),
]));
export type DoorQuestion = z.infer<typeof DoorQuestionSchema>;

export const ReceiptEntrySchema = z.lazy(() => z.object({
  childId: Id,
  firstName: z.string(),
  groupName: z.string(),
  kind: EventKindSchema,
  /** Local "HH:MM" at which the event was recorded. */
  at: Clock,
}));
export type ReceiptEntry = z.infer<typeof ReceiptEntrySchema>;

export const CheckinReceiptSchema = z.lazy(() => z.object({
  companionFirstName: z.string(),
  entries: z.array(ReceiptEntrySchema),
}));
export type CheckinReceipt = z.infer<typeof CheckinReceiptSchema>;

export const ScanOutcomeSchema = z.lazy(() => z.discriminatedUnion('kind', [
  /**
   * An offer: several children, or one that needs an answer. The UI shows the allowed ones preselected (except those
   * with a leaving question) and confirms the offer by its id (or auto-confirms while no asked child is selected).
   * The core keeps it for a minute; it records only the actions offered here.
   */
  z.object({
    kind: z.literal('choose'),
    offerId: z.string().uuid(),
    companionFirstName: z.string(),
    children: z.array(ChildAtDoorSchema),
    questions: z.array(DoorQuestionSchema),
    autoConfirmMs: z.number().int().nonnegative(),
  }),
  /** Nothing to choose (one child, nothing to ask): already durably recorded. */
  z.object({ kind: z.literal('recorded'), receipt: CheckinReceiptSchema }),
  /** The same credential again within a few seconds: nothing new recorded, the earlier receipt shown. */
  z.object({ kind: z.literal('repeat'), receipt: CheckinReceiptSchema }),
]));
export type ScanOutcome = z.infer<typeof ScanOutcomeSchema>;

/**
 * DB_EVENTS_MISSING: events this kiosk acknowledged (its chain anchor, or the city, holds them) are not in the file.
 * DB_COPY_FAILED: the file needs migrating to this build's schema and the copy taken first could not be made.
 */
export const DatabaseProblemSchema = z.enum(['DB_LOCKED', 'DB_CORRUPT', 'DB_UNWRITABLE', 'DB_FROM_FUTURE', 'DB_UNKNOWN', 'DB_EVENTS_MISSING', 'DB_COPY_FAILED']);
export type DatabaseProblem = z.infer<typeof DatabaseProblemSchema>;

/**
 * How secrets (the city token, the device key) are kept at rest: sealed by the OS keystore; only a 0600 file (the web
 * host, by design); or a 0600 file because the Electron shell found no usable keystore — a fallback staff are told of.
 */
export const SecretProtectionSchema = z.enum(['os-encrypted', 'file-only', 'plaintext-fallback']);
export type SecretProtection = z.infer<typeof SecretProtectionSchema>;

/** The door working normally: what the idle screen and the settings need. */
export const ReadyStatusSchema = z.lazy(() => z.object({
    state: z.literal('ready'),
    kindergartenName: z.string(),
    demo: z.boolean(),
    language: LanguageSchema,
    /** The language the door returns to a minute after a companion switched it. */
    defaultLanguage: LanguageSchema,
    sound: SoundLevelSchema,
    deviceId: z.string(),
    /** The webcam an admin chose in the door settings (a MediaDeviceInfo.deviceId), or null for the first one found. */
    cameraDeviceId: z.string().max(512).nullable(),
    /** Result of the start-up walk over this device's tamper-evident event chain. */
    chain: z.object({
      intact: z.boolean(),
      events: z.number().int().nonnegative(),
      brokenAtSeq: z.number().int().nullable(),
      /**
       * 'anchored': the newest event is where the anchor file beside the database says the chain ends; 'unknown': no
       * anchor to compare with (the first start after the upgrade that added it) or the anchor cannot be written.
       */
      end: z.enum(['anchored', 'unknown']),
      /** The walk over the whole chain and SQLite's integrity check, run in the background after start-up. */
      fullCheck: z.enum(['running', 'done', 'not-run']),
      /**
       * The start-up walk over this device's signed peer log (docs/peers.md §5); a break there also makes `intact` false,
       * so staff are told as of a broken event chain. null: not walked (the device key cannot be read here).
       */
      peerLog: z.object({ intact: z.boolean(), rows: z.number().int().nonnegative(), brokenAtSeq: z.number().int().nullable() }).nullable().optional(),
    }),
    /** How the city token and device key are kept; 'plaintext-fallback' (no OS keyring) is shown to staff. */
    secretStorage: SecretProtectionSchema,
    /** The kindergarten's IANA time zone: every local day and time on the screens is told in it, not the browser's. */
    timeZone: z.string().max(64),
    /** The first-run setup is not finished: the door shows it instead of the idle screen (shared/setup/). */
    setup: z.boolean().optional(),
    /** 'office': no door screen, no readers, no camera; the screens open on the staff sign-in (docs/peers.md §2). */
    machineRole: MachineRoleSchema,
  }));
export type ReadyStatus = z.infer<typeof ReadyStatusSchema>;

/** Why the kiosk cannot write to its records: no space left, a read-only disk or file, or the disk failing. */
// AWAITING_CITY: not the disk, but the same refusal: after a restore the door waits until the city has given back the
// records pushed after the copy, or a tap would take a chain place the city already holds (a fork).
export const StorageProblemSchema = z.enum(['DISK_FULL', 'READ_ONLY', 'IO_ERROR', 'DISK_GONE', 'AWAITING_CITY']);
export type StorageProblem = z.infer<typeof StorageProblemSchema>;

export const KioskStatusSchema = z.lazy(() => z.discriminatedUnion('state', [
  ReadyStatusSchema,
  /**
   * A write to the records failed for lack of space (or a read-only or failing disk): no tap is acknowledged as
   * recorded, cards are still answered, and the core probes by itself until writes work again (then 'ready').
   */
  z.object({
    state: z.literal('cannot-record'),
    problem: StorageProblemSchema,
    /** Local "HH:MM" at which it began. */
    since: Clock,
    detail: z.string().max(2000),
    /** The door as it stands (what 'ready' will show again); null when the kiosk started on a full disk and could not read its records. */
    door: ReadyStatusSchema.nullable(),
  }),
  z.object({
    state: z.literal('database-error'),
    problem: DatabaseProblemSchema,
    detail: z.string(),
    /** With DB_EVENTS_MISSING: how many acknowledged events the file lacks. */
    missingEvents: z.number().int().nonnegative().optional(),
  }),
]));
export type KioskStatus = z.infer<typeof KioskStatusSchema>;

export const ReaderStateSchema = z.lazy(() => z.object({
  /** Stable id of the configured reader, e.g. "hid:ffff:0035". */
  id: z.string().max(64),
  name: z.string().max(200),
  state: z.enum(['connected', 'disconnected', 'error']),
  detail: z.string().max(500).nullable(),
}));
export type ReaderState = z.infer<typeof ReaderStateSchema>;

/** Something staff at the door must see; companions get only a neutral message. */
export const StaffAlertSchema = z.lazy(() => z.discriminatedUnion('kind', [
  z.object({
    id: z.string().max(64),
    kind: z.literal('pickup-not-allowed'),
    companionFirstName: z.string(),
    childFirstNames: z.array(z.string()),
    /** Who and whom, for telling the same refusal again (one kept alert a day) from another companion's. */
    companionId: z.string().max(64).optional(),
    childIds: z.array(z.string().max(64)).optional(),
    /** Local "HH:MM". */
    at: Clock,
  }),
  /** The kiosk's clock is more than two minutes off the city's: arrivals may land on the wrong side of the cut-off. */
  z.object({
    id: z.string().max(64),
    kind: z.literal('clock-drift'),
    /** City clock minus kiosk clock, in whole minutes: positive when the kiosk is behind. */
    driftMinutes: z.number().int(),
    at: Clock,
  }),
  /**
   * Closing time has passed and children are still checked in without a staff answer. Raised by the core again
   * while it stays so (same id for the day, count updated), and cleared with staffAlertCleared when none are left.
   */
  z.object({
    id: z.string().max(64),
    kind: z.literal('closing-time'),
    count: z.number().int().positive(),
    closingTime: Clock,
    at: Clock,
  }),
  /** The kiosk cannot write its records (full, read-only or failing disk): staff note the door on paper. Cleared when writes work again. */
  z.object({
    id: z.string().max(64),
    kind: z.literal('cannot-record'),
    problem: StorageProblemSchema,
    at: Clock,
  }),
  /** Free space on the records' disk is below the warning threshold (electron/core/disk/): for the admin. Cleared when space returns. */
  z.object({
    id: z.string().max(64),
    kind: z.literal('disk-low'),
    freeBytes: z.number().nonnegative(),
    warnBelowBytes: z.number().nonnegative(),
    at: Clock,
  }),
]));
export type StaffAlert = z.infer<typeof StaffAlertSchema>;

const Empty = z.lazy(() => z.object({}).strict());

export const kioskRequests = {
  getStatus: { args: Empty, result: KioskStatusSchema },
  /** On the office PC (status machineRole 'office') this and identifyQr, confirmOffer, renewOffer answer NOT_A_DOOR. */
  identifyCard: {
    args: z.lazy(() => z.object({ raw: z.string().min(1).max(64), source: CardSourceSchema }).strict()),
    result: ScanOutcomeSchema,
  },
  identifyQr: {
    // Longer than MAX_QR_TEXT is let through here so the core can refuse it as QR_TOO_LARGE and keep the attempt.
    args: z.lazy(() => z.object({ text: z.string().min(1).max(16_384), source: QrSourceSchema }).strict()),
    result: ScanOutcomeSchema,
  },
  /**
   * Records the chosen children of an offer with the actions offered, after checking every rule again: the offer is
   * open (OFFER_EXPIRED, OFFER_USED), the credential still valid (CARD_REVOKED, QR_REVOKED), nothing recorded for it
   * within the repeat window (ALREADY_RECORDED), the offered actions still right (OFFER_STALE: renewOffer), the
   * companion may take each child (PICKUP_NOT_ALLOWED), and a leaving question answered yes (LEAVING_NOT_CONFIRMED).
   */
  confirmOffer: {
    args: z
      .object({
        offerId: z.string().uuid(),
        childIds: z.array(Id).min(1).max(20),
        /** The companion's answers: the children they said are leaving now although they arrived only just. */
        answers: z.object({ leavingNow: z.array(Id).max(20) }).strict(),
      })
      .strict(),
    result: CheckinReceiptSchema,
  },
  cancelOffer: { args: z.lazy(() => z.object({ offerId: z.string().uuid() }).strict()), result: Empty },
  /** An offer refused as OFFER_STALE, identified again from the same credential: a fresh offer, a receipt or a refusal. */
  renewOffer: { args: z.lazy(() => z.object({ offerId: z.string().uuid() }).strict()), result: ScanOutcomeSchema },
  setLanguage: { args: z.lazy(() => z.object({ language: LanguageSchema }).strict()), result: Empty },
  retryDatabase: { args: Empty, result: KioskStatusSchema },
  /** The HID data-mode readers' states now; readersChanged tells every change after. Empty when none are configured. */
  getReaders: { args: Empty, result: z.lazy(() => z.object({ readers: z.array(ReaderStateSchema) })) },
  /**
   * The staff alerts that stand until resolved (closing time, the disk): a screen that connects or reloads shows them at
   * once; with `kept`, how many kept alerts wait for a staff member (a refused pick-up, the clock): only a count, for
   * the door's staff entry. Their words are the staff screens' (staffKeptAlerts).
   */
  getStaffAlerts: { args: Empty, result: z.lazy(() => z.object({ alerts: z.array(StaffAlertSchema), kept: z.number().int().nonnegative() })) },
  /** Staff on duty: sign-in, overrides, corrections, absences, headcount, closing (shared/staff/staff-contract.ts). */
  ...staffRequests,
  /** The admin console: the log, refused attempts, today, the табель and its exports (shared/admin/admin-contract.ts). */
  ...adminRequests,
  /** The admin console's backups: the verified copies, their status, the retention and the encrypted second place. */
  ...backupRequests,
  /** The admin console's updates: the feed, a folder on a USB stick, the quiet hours, install now. */
  ...updateRequests,
  /** Restoring a verified copy: from the console, and from the damaged-records screen (shared/admin/restore-contract.ts). */
  ...consoleRestoreRequests,
  ...restoreRequests,
  /** The admin's diagnostics page and support bundle (shared/admin/diagnostics-contract.ts). */
  ...diagnosticsRequests,
  /** The first-run setup on the door screen and "start afresh" (shared/setup/setup-contract.ts). */
  ...setupRequests,
  /** The console's Computers page and the first run's join: the kindergarten's computers as peers (shared/peers/peers-contract.ts). */
  ...peersRequests,
  /** Sync with the city now (online/offline/never-enrolled, queued and rejected counts…); syncStatusChanged tells every change after. */
  getSyncStatus: { args: Empty, result: SyncStatusSchema },
  /** The network may be back (the browser's `online` event): sync tries at once, forgetting its back-off. */
  nudgeSync: { args: Empty, result: Empty },
  /**
   * An admin enrolls the kiosk with a city server: its http(s) URL and a one-time code. The kiosk registers its own
   * key pair, keeps the token as a secret, and pulls the city's roster at once (rosterLoaded: whether that worked;
   * sync retries it otherwise). Fails with ENROLL_* codes.
   */
  enrollKiosk: {
    args: z.lazy(() => z.object({ sessionId: z.string().uuid(), serverUrl: z.string().trim().min(1).max(2048), code: z.string().trim().min(1).max(64) }).strict()),
    result: z.lazy(() => z.object({ deviceId: Id, kindergartenId: Id, rosterLoaded: z.boolean() })),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type KioskRequestName = keyof typeof kioskRequests;
export type RequestArgs<K extends KioskRequestName> = z.input<(typeof kioskRequests)[K]['args']>;
export type RequestValue<K extends KioskRequestName> = z.output<(typeof kioskRequests)[K]['result']>;


export const kioskEvents = {
  statusChanged: KioskStatusSchema,
  /**
   * A card read by an HID data-mode reader that belongs to the staff screens, never the door: a staff card, or any card
   * while a staff member is signed in (sign-in, card enrolment). `raw` already has the reader's format applied
   * (docs/card-numbers.md).
   */
  cardRead: z.lazy(() => z.object({ raw: z.string().min(1).max(64), source: CardSourceSchema })),
  /**
   * A card read by an HID data-mode reader at the door, identified by the core once (refused attempts kept, a single
   * child recorded) whether or not a page is attached: every attached page is told the outcome.
   */
  cardIdentified: z.lazy(() => resultSchema(ScanOutcomeSchema)),
  readersChanged: z.lazy(() => z.object({ readers: z.array(ReaderStateSchema) })),
  staffAlert: StaffAlertSchema,
  /** What a staff alert was about is over (the children at closing time are all resolved): the strip drops it. */
  staffAlertCleared: z.lazy(() => z.object({ id: z.string().max(64) })),
  /** How many kept alerts wait for a staff member now (raised, seen again or handled): the door's count follows it. */
  keptAlertsChanged: z.lazy(() => z.object({ kept: z.number().int().nonnegative() })),
  syncStatusChanged: SyncStatusSchema,
} as const satisfies Record<string, z.ZodType>;

export type KioskEventName = keyof typeof kioskEvents;
export type EventPayload<E extends KioskEventName> = z.output<(typeof kioskEvents)[E]>;

export function isKioskRequestName(name: unknown): name is KioskRequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(kioskRequests, name);
}

export function isKioskEventName(name: unknown): name is KioskEventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(kioskEvents, name);
}

/** What the renderer sees as window.kiosk, in Electron (preload) and in the web host (WebSocket). */
export interface KioskApi {
  call<K extends KioskRequestName>(name: K, args: RequestArgs<K>): Promise<Result<RequestValue<K>>>;
  on<E extends KioskEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
