// The admin console's requests of KioskApi (merged into kioskRequests in shared/api/contract.ts): the log of every
// attendance event, the refused attempts, today at a glance, the monthly табель with its exports, and the admin's
// transfers of working days. Every request carries the session id of a signed-in admin; the core refuses staff
// and ended sessions alike.
import { z } from 'zod';
import { StickFileNameSchema } from '../peers/stick-contract.js';
import { EventKindSchema, EventMethodSchema, Id, LanguageSchema } from '../domain/attendance.js';
import { HeadcountGroupSchema } from '../staff/staff-contract.js';
import { HeadcountViewSchema } from '../staff/headcount-view.js';
import { OverrideReasonSchema, StaffSignInModeSchema } from '../staff/staff-domain.js';
import { archiveRequests } from './archive-contract.js';
import { kioskShellRequests } from './kiosk-shell-contract.js';
import { mealRequests } from './meal-contract.js';
import { neverComeRequests } from './never-come-contract.js';
import { cardRequests } from './card-contract.js';
import { rosterRequests } from './roster-contract.js';
import { rosterImportRequests } from './roster-import-contract.js';
import { DoorSettingsSchema } from './door-settings.js';
import { ActCountedReasonSchema, ActEarnedRuleSchema } from './monthly-act.js';
import { TabelSheetSchema } from './tabel.js';
import { timeZoneRequests } from './time-zone-contract.js';
import { LocalDateSchema, MonthSchema, TransferKindSchema } from './work-calendar.js';

const Session = { sessionId: z.string().uuid() };
const Clock = z.string().regex(/^\d{2}:\d{2}$/);

/**
 * Where an event stands with the city: queued, sent, refused by the city (kept, shown, never retried blindly),
 * recorded by another kiosk of the kindergarten (it reaches the city from there), or never queued (events from
 * before sync existed).
 */
export const LogSyncStateSchema = z.enum(['pending', 'sent', 'rejected', 'other-kiosk', 'not-queued']);
export type LogSyncState = z.infer<typeof LogSyncStateSchema>;

/** The log's position: the last entry shown. Pages go back in time from it (keyset pagination, never OFFSET). */
export const LogCursorSchema = z.lazy(() => z.object({ ms: z.number().int(), id: Id }).strict());
export type LogCursor = z.infer<typeof LogCursorSchema>;

export const LogFilterSchema = z
  .object({
    /** Local days, both included. */
    from: LocalDateSchema.optional(),
    to: LocalDateSchema.optional(),
    groupId: Id.optional(),
    childId: Id.optional(),
    companionId: Id.optional(),
    method: EventMethodSchema.optional(),
    staffId: Id.optional(),
    syncState: LogSyncStateSchema.exclude(['not-queued']).optional(),
    /** A child's or companion's name in Kazakh or Russian, any case; Kazakh letters may be typed as Russian ones. */
    search: z.string().trim().max(80).optional(),
  })
  .strict();
export type LogFilter = z.infer<typeof LogFilterSchema>;

const PersonRef = z.lazy(() => z.object({ id: Id, name: z.string() }));

export const LogEntrySchema = z.lazy(() => z.object({
  id: Id,
  occurredAt: z.string(),
  occurredMs: z.number().int(),
  localDate: LocalDateSchema,
  at: Clock,
  kind: EventKindSchema,
  method: EventMethodSchema,
  child: z.object({ id: Id, firstName: z.string(), lastName: z.string() }),
  groupName: z.string(),
  /** The companion on the roster (their card or code, or chosen by staff in an override). */
  companion: PersonRef.nullable(),
  /** The name staff typed for a companion not on the roster. */
  companionNameSaid: z.string().nullable(),
  /** Who recorded an override. */
  staff: PersonRef.nullable(),
  override: z.object({ reason: OverrideReasonSchema, note: z.string().nullable() }).nullable(),
  /** A day the kiosk was down, entered later from the paper list by `staff`: when it was entered (ISO with offset). */
  enteredLater: z.object({ enteredAt: z.string() }).nullable(),
  /** The correction that withdrew this event: shown beside it; the event itself stays as it was. */
  correction: z.object({ id: z.string(), reason: z.string(), staffName: z.string(), occurredAt: z.string() }).nullable(),
  syncState: LogSyncStateSchema,
}));
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const RefusedMethodSchema = z.enum(['rfid', 'qr']);

/** Who a refused card belongs to, and whether that card was withdrawn from them. */
export const CardHolderSchema = z.object({ kind: z.enum(['companion', 'staff']), firstName: z.string(), lastName: z.string(), withdrawn: z.boolean() });
export type CardHolder = z.infer<typeof CardHolderSchema>;

export const RefusedAttemptSchema = z.lazy(() => z.object({
  id: Id,
  occurredAt: z.string(),
  occurredMs: z.number().int(),
  at: Clock,
  method: RefusedMethodSchema,
  /** What was presented: a card number, or the start of a code. */
  presented: z.string(),
  /** A card's number as printed on the card ("0004512348" for the stored 4512348); null for a code or an unreadable card. */
  card: z.string().nullable(),
  /** Whose card it is, when the kiosk knows it (a companion whose card was withdrawn, a staff member…); null when nobody's. */
  holder: CardHolderSchema.nullable(),
  reason: z.string(),
  /** How many times it was refused in a row's window (coalesced), the last of them at lastAt (local ISO time). */
  count: z.number().int().positive(),
  lastAt: z.string(),
}));
export type RefusedAttempt = z.infer<typeof RefusedAttemptSchema>;

export const RefusedFilterSchema = z
  .object({ from: LocalDateSchema.optional(), to: LocalDateSchema.optional(), method: RefusedMethodSchema.optional() })
  .strict();
export type RefusedFilter = z.infer<typeof RefusedFilterSchema>;

const Limit = z.number().int().min(1).max(200).default(50);

export const TodayChildSchema = z.lazy(() => z.object({
  childId: Id,
  firstName: z.string(),
  lastName: z.string(),
  groupName: z.string(),
  since: Clock,
}));

export const TransferSchema = z.lazy(() => z.object({ date: LocalDateSchema, kind: TransferKindSchema, note: z.string().nullable() }));
export type Transfer = z.infer<typeof TransferSchema>;

export const ExportFormatSchema = z.enum(['xlsx', 'csv', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/**
 * A file name in the data folder's exports/ folder: letters, digits, dashes, one dot and an extension; or a USB stick
 * written there (`esik-<machine name>-<stamp>.esikpeer`, the machine's name in its own letters: shared/peers/stick-contract.ts).
 */
export const ExportFileNameSchema = z.union([z.string().regex(/^[A-Za-z0-9_-]{1,120}\.(xlsx|csv|pdf|zip)$/), StickFileNameSchema]);

/** A file the core wrote into the data folder's exports/: its name (for the web host's download route) and path. */
export const ExportedFileSchema = z.lazy(() => z.object({ fileName: ExportFileNameSchema, path: z.string(), bytes: z.number().int().positive() }));

export const QrCardHolderSchema = z.lazy(() => z.object({
  companionId: Id,
  firstName: z.string(),
  lastName: z.string(),
  /** "Әлихан (Балапан)": the children the card opens the door for. */
  children: z.array(z.string()),
  /** QR credentials the companion holds (usually one). */
  credentials: z.number().int().positive(),
}));
export type QrCardHolder = z.infer<typeof QrCardHolderSchema>;

const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * The kiosk's rules an admin may change: the door's timings, staff sign-in, the day's cut-off and closing time, and
 * the табель's allowances. The bounds are the settings store's own (electron/core/ledger/settings-store.ts).
 */
export const KioskRulesSchema = z.object({
  /** The children screen confirms by itself after this long (0: only by the button). */
  autoConfirmSeconds: z.number().int().min(0).max(60),
  /** The same card again within this window shows the earlier receipt instead of recording again. */
  repeatWindowSeconds: z.number().int().min(0).max(600),
  /** A departure this soon after today's arrival asks "is the child leaving?" (0: never). */
  departureGuardMinutes: z.number().int().min(0).max(240),
  staffIdleSeconds: z.number().int().min(5).max(3600),
  /** The admin console signs out after this long untouched, with a warning first (the door's staff screens keep staffIdleSeconds). */
  consoleIdleSeconds: z.number().int().min(60).max(3600),
  staffSignInMode: StaffSignInModeSchema,
  headcountCutOff: Hhmm,
  closingTime: Hhmm,
  /** From here on a tap for a child with nothing seen today is checked as a pick-up (docs/pickup-check.md). */
  collectCheckFrom: Hhmm.nullable(),
  summerHolidayDays: z.number().int().min(0).max(92),
  winterHolidayDays: z.number().int().min(0).max(91),
  unexcusedDaysPerMonth: z.number().int().min(0).max(31),
  sickDaysWithoutCertificate: z.number().int().min(0).max(30),
  /** School days away (sick or unexplained) after which a child's return asks staff for the doctor's certificate. */
  returnCheckAfterDays: z.number().int().min(1).max(60),
  /** School days neither there nor excused that list a child on the roll as never coming. */
  neverComeAfterDays: z.number().int().min(1).max(120),
  /** The monthly act's per-capita norm, the rule of the money earned, and the excused reasons counted as attended. */
  perCapitaNormTenge: z.number().int().min(0).max(10_000_000),
  actEarnedRule: ActEarnedRuleSchema,
  actCountedReasons: z.array(ActCountedReasonSchema).max(4).refine((list) => new Set(list).size === list.length, 'a reason twice'),
  /** Outbox rows the city acknowledged are deleted after this many days (the events themselves stay). */
  outboxKeepSentDays: z.number().int().min(1).max(3650),
});
export type KioskRules = z.infer<typeof KioskRulesSchema>;

export const adminRequests = {
  /** What the log's filters offer: the groups and the staff members. */
  adminLogOptions: {
    args: z.lazy(() => z.object(Session).strict()),
    result: z.lazy(() => z.object({ groups: z.array(z.object({ id: Id, name: z.string() })), staff: z.array(PersonRef) })),
  },
  /** One page of the log, newest first; nextCursor is null on the last page. */
  adminLog: {
    args: z.lazy(() => z.object({ ...Session, filter: LogFilterSchema, cursor: LogCursorSchema.nullable().default(null), limit: Limit }).strict()),
    result: z.lazy(() => z.object({ entries: z.array(LogEntrySchema), nextCursor: LogCursorSchema.nullable() })),
  },
  adminRefused: {
    args: z.lazy(() => z.object({ ...Session, filter: RefusedFilterSchema, cursor: LogCursorSchema.nullable().default(null), limit: Limit }).strict()),
    result: z.lazy(() => z.object({ attempts: z.array(RefusedAttemptSchema), nextCursor: LogCursorSchema.nullable() })),
  },
  /** Today: the live headcount per group, who is in, today's overrides and refused attempts. */
  adminToday: {
    args: z.lazy(() => z.object(Session).strict()),
    result: z.lazy(() => z.object({
      localDate: LocalDateSchema,
      groups: z.array(HeadcountGroupSchema),
      headcount: HeadcountViewSchema,
      present: z.array(TodayChildSchema),
      overrides: z.array(LogEntrySchema),
      refused: z.array(RefusedAttemptSchema),
    })),
  },
  /** The табель on screen; language: of the holidays' names. */
  adminTabel: {
    args: z.lazy(() => z.object({ ...Session, groupId: Id, month: MonthSchema, language: LanguageSchema }).strict()),
    result: TabelSheetSchema,
  },
  /** Writes the табель into the data folder's exports/ and answers where; the web host serves it from there. */
  adminExportTabel: {
    args: z.lazy(() => z.object({ ...Session, groupId: Id, month: MonthSchema, format: ExportFormatSchema, language: LanguageSchema }).strict()),
    result: ExportedFileSchema,
  },
  /** Writes the month's act of completed work for the whole kindergarten (every group and the total) into exports/. */
  adminExportAct: {
    args: z.lazy(() => z.object({ ...Session, month: MonthSchema, format: z.enum(['xlsx', 'pdf']), language: LanguageSchema }).strict()),
    result: ExportedFileSchema,
  },
  /** Every group's табель of a month in one file: XLSX with a sheet per group, or one PDF, each group on its own pages. */
  adminExportWholeTabel: {
    args: z.lazy(() => z.object({ ...Session, month: MonthSchema, format: z.enum(['xlsx', 'pdf']), language: LanguageSchema }).strict()),
    result: ExportedFileSchema,
  },
  /** The admin's transfers of working days in a month. */
  adminTransfers: {
    args: z.lazy(() => z.object({ ...Session, month: MonthSchema }).strict()),
    result: z.lazy(() => z.object({ transfers: z.array(TransferSchema) })),
  },
  /** Sets (kind) or clears (null) the transfer of one date. */
  adminSetTransfer: {
    args: z.lazy(() => z.object({ ...Session, date: LocalDateSchema, kind: TransferKindSchema.nullable(), note: z.string().trim().min(1).max(200).optional() }).strict()),
    result: z.lazy(() => z.object({ transfers: z.array(TransferSchema) })),
  },
  /** Companions who hold a printed-card QR credential on the roster (those without a smartphone), for printing. */
  adminQrCardHolders: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => z.object({ holders: z.array(QrCardHolderSchema) })) },
  /** Signs each chosen companion's QR credentials with this kiosk's key and writes the cards, A4, as a PDF into exports/. */
  /** Electron only: the shell's save dialog for an export, and a copy where the head chose; savedTo null: cancelled. */
  adminSaveExport: { args: z.lazy(() => z.object({ ...Session, fileName: ExportFileNameSchema }).strict()), result: z.lazy(() => z.object({ savedTo: z.string().nullable() })) },
  adminPrintQrCards: {
    args: z.lazy(() => z.object({ ...Session, companionIds: z.array(Id).min(1).max(60), language: LanguageSchema }).strict()),
    result: ExportedFileSchema,
  },
  adminSettings: { args: z.lazy(() => z.object(Session).strict()), result: KioskRulesSchema },
  /** Changes the rules given (the others stay); answers all of them as they now are. */
  /** The door's language, sound and card readers (shared/admin/door-settings.ts). */
  adminDoorSettings: { args: z.lazy(() => z.object(Session).strict()), result: DoorSettingsSchema },
  adminSetDoorSettings: { args: z.lazy(() => z.object({ ...Session, change: DoorSettingsSchema.partial().strict() }).strict()), result: DoorSettingsSchema },
  adminSetSettings: { args: z.lazy(() => z.object({ ...Session, change: KioskRulesSchema.partial().strict() }).strict()), result: KioskRulesSchema },
  /** Companions & cards: find a companion, see and enrol or revoke their cards (shared/admin/card-contract.ts). */
  ...cardRequests,
  ...archiveRequests,
  /** The roster kept by hand: groups, children, companions and their rights (shared/admin/roster-contract.ts). */
  ...rosterRequests,
  /** The kindergarten's time zone and the clock checks (shared/admin/time-zone-contract.ts). */
  ...timeZoneRequests,
  /** The roster from the kindergarten's own spreadsheet (shared/admin/roster-import-contract.ts). */
  ...rosterImportRequests,
  ...kioskShellRequests,
  /** The parents' meal invoices: the daily fee, the kindergarten's details, the export (shared/admin/meal-contract.ts). */
  ...mealRequests,
  ...neverComeRequests,
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type AdminRequestName = keyof typeof adminRequests;
