// The kiosk ↔ city server protocol, version 1: every body that crosses the network, as zod schemas. The
// prose and the OpenAPI document are docs/sync-protocol.md and docs/sync-openapi.json; a test keeps them and
// these schemas in step. Both the kiosk (electron/core/sync) and the reference city server (city-server/)
// parse with these, so neither trusts the other's bytes.
import { z } from 'zod';
import { EventKindSchema, EventMethodSchema, Id } from '../domain/attendance.js';
import { RosterSchema } from '../domain/roster.js';
import { RosterChangeSchema } from '../domain/roster-change.js';
import { HeadcountGroupSchema } from '../staff/staff-contract.js';
import { AbsenceReasonSchema, CorrectionTargetTypeSchema, OverrideReasonSchema } from '../staff/staff-domain.js';

export const PROTOCOL_VERSION = 1;
/** Sent on every request and every reply; a server that cannot speak the version answers 426 with PROTOCOL_UNSUPPORTED. */
export const PROTOCOL_HEADER = 'esik-protocol';
/** Records in one push; 20 pushes carry a 20,000-event backlog. */
export const MAX_PUSH_RECORDS = 1000;
/** Ids in one "which do you lack?" question. */
export const MAX_MISSING_IDS = 5000;
/** Records in one page of a device's own chain (GET /v1/records/chain): a kiosk putting its records back after a restore. */
export const MAX_CHAIN_PAGE = 1000;
/** The largest reply body the kiosk reads; a larger one is refused unread. */
export const MAX_REPLY_BYTES = 16 * 1024 * 1024;
/** The largest request body a server must read (a full push of the largest records is about 1 MiB); larger gets 413. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export const PATHS = {
  hello: '/v1/hello',
  enroll: '/v1/enroll',
  push: '/v1/records',
  missing: '/v1/records/missing',
  roster: '/v1/roster',
  peers: '/v1/records/peers',
  chain: '/v1/records/chain',
} as const;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** A raw 32-byte Ed25519 public key, base64url without padding. */
export const PublicKeyB64 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const Uuid = z.uuid();
/** ISO 8601 with the UTC offset the kiosk had, e.g. 2026-11-23T08:12:03.120+05:00. */
const OffsetIso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?[+-]\d{2}:\d{2}$/);
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const ErrorReplySchema = z.object({
  error: z.object({ code: z.string().min(1).max(64), message: z.string().max(2000) }),
});
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

export const HelloReplySchema = z.object({
  protocolVersions: z.array(z.number().int().positive()).min(1),
  serverName: z.string().max(200),
});
export type HelloReply = z.infer<typeof HelloReplySchema>;

// ---- enrollment: an admin types the server URL and a one-time code; the kiosk brings its own key pair.
export const EnrollRequestSchema = z.object({
  enrollmentCode: z.string().min(6).max(64),
  /**
   * The kiosk's own device id (a uuid v7 made on its first start). Its hash chain names this id from the first event,
   * offline or not, so the city registers the device under it rather than inventing one: history recorded before
   * enrollment pushes as it is.
   */
  deviceId: Id,
  publicKey: PublicKeyB64,
  deviceName: z.string().min(1).max(120),
});
export type EnrollRequest = z.infer<typeof EnrollRequestSchema>;

export const EnrollReplySchema = z.object({
  /** The id the city registered: the one the kiosk sent. */
  deviceId: Id,
  kindergartenId: Id,
  /** The bearer token for every later call; a secret the kiosk keeps encrypted where it can. */
  token: z.string().min(32).max(256),
});
export type EnrollReply = z.infer<typeof EnrollReplySchema>;

/** Why an attendance event was entered after its day: 'kiosk-down', the kiosk was not working (issue 16 §7). */
export const LateEntryReasonSchema = z.enum(['kiosk-down']);
export const LateEntrySchema = z.object({
  reason: LateEntryReasonSchema,
  recordedAt: OffsetIso,
  recordedMs: z.number().int().nonnegative(),
});
export type LateEntry = z.infer<typeof LateEntrySchema>;

// ---- records the kiosk pushes. A discriminated union so later record types (absences, corrections,
// headcounts, audit entries) join without a new endpoint; each record's id is its idempotency key, forever.
export const AttendanceRecordSchema = z.object({
  type: z.literal('attendance'),
  id: Uuid,
  deviceId: Id,
  deviceSeq: z.number().int().positive(),
  childId: Id,
  kind: EventKindSchema,
  method: EventMethodSchema,
  companionId: Id.nullable(),
  credentialId: Id.nullable(),
  staffId: Id.nullable(),
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
  localDate: LocalDate,
  prevHash: Sha256Hex,
  hash: Sha256Hex,
  /** City clock minus kiosk clock when the event was recorded, in ms; null when the kiosk had not yet heard the city. */
  clockOffsetMs: z.number().int().nullable(),
  /**
   * Only on an event entered after the day it describes (a day the kiosk was down, entered by staff from the paper
   * list): occurredAt and localDate are the day described, recordedAt when it was entered, reason why. Optional, so an
   * older server (whose schema strips keys it does not know) still takes the event; the event hash does not cover it.
   */
  lateEntry: LateEntrySchema.optional(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;

// Staff records: one per row of the kiosk's staff tables (migration 0004), id the row's own uuid v7. They have no
// place in the hash chain (no deviceSeq, no hash); the city keeps each once, by id, forever.

/** Why an override was needed and who came: the row linked to the override's attendance event (eventId). */
export const OverrideReasonRecordSchema = z.object({
  type: z.literal('override-reason'),
  /** The record's own uuid v7 (the row is keyed by its event, whose id is the attendance record's). */
  id: Uuid,
  deviceId: Id,
  eventId: Uuid,
  reason: OverrideReasonSchema,
  note: z.string().max(2000).nullable(),
  companionId: Id.nullable(),
  companionName: z.string().max(200).nullable(),
  /** The override event's time. */
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
  localDate: LocalDate,
});
export type OverrideReasonRecord = z.infer<typeof OverrideReasonRecordSchema>;

export const AbsenceRecordSchema = z.object({
  type: z.literal('absence'),
  id: Uuid,
  deviceId: Id,
  childId: Id,
  firstDate: LocalDate,
  lastDate: LocalDate,
  reason: AbsenceReasonSchema,
  certificateNumber: z.string().max(200).nullable(),
  certificateDate: LocalDate.nullable(),
  note: z.string().max(2000).nullable(),
  staffId: Id,
  recordedAt: OffsetIso,
  recordedMs: z.number().int().nonnegative(),
});
export type AbsenceRecord = z.infer<typeof AbsenceRecordSchema>;

/** Withdraws one attendance event or absence (targetId); the withdrawn record itself stays as it was. */
export const CorrectionRecordSchema = z.object({
  type: z.literal('correction'),
  id: Uuid,
  deviceId: Id,
  targetType: CorrectionTargetTypeSchema,
  targetId: Uuid,
  staffId: Id,
  reason: z.string().min(1).max(2000),
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
});
export type CorrectionRecord = z.infer<typeof CorrectionRecordSchema>;

/** The headcount per group: at the cut-off by the kiosk (staffId null), or by staff (manual). */
export const HeadcountRecordSchema = z.object({
  type: z.literal('headcount'),
  id: Uuid,
  deviceId: Id,
  localDate: LocalDate,
  takenAt: OffsetIso,
  takenMs: z.number().int().nonnegative(),
  trigger: z.enum(['cut-off', 'manual']),
  staffId: Id.nullable(),
  groups: z.array(HeadcountGroupSchema),
});
export type HeadcountRecord = z.infer<typeof HeadcountRecordSchema>;

/** A child still checked in at closing time, resolved: left (departureEventId) or still here (note). */
export const ClosingResolutionRecordSchema = z.object({
  type: z.literal('closing-resolution'),
  id: Uuid,
  deviceId: Id,
  localDate: LocalDate,
  childId: Id,
  outcome: z.enum(['left', 'still-here']),
  departureEventId: Uuid.nullable(),
  note: z.string().max(2000).nullable(),
  staffId: Id,
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
});
export type ClosingResolutionRecord = z.infer<typeof ClosingResolutionRecordSchema>;

/**
 * A child back after `absentDays` school days of sickness or unexplained absence (localDate: the day they came back):
 * staff saw the doctor's certificate, or found it missing. Marked again later (brought the next day), the newest wins.
 */
export const CertificateCheckRecordSchema = z.object({
  type: z.literal('certificate-check'),
  id: Uuid,
  deviceId: Id,
  localDate: LocalDate,
  childId: Id,
  absentDays: z.number().int().positive(),
  outcome: z.enum(['seen', 'missing']),
  staffId: Id,
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
});
export type CertificateCheckRecord = z.infer<typeof CertificateCheckRecordSchema>;

/**
 * Children who never come (issue 16 §3): the count of a month that ended, drawn once by the kiosk as of the month's
 * last day. Per group, the children on the roll who had been neither there nor excused for `afterDays` school days or
 * more (the kiosk's setting), by id: no names. Every group of the roster is listed, those with none at 0.
 */
export const NeverComeCountRecordSchema = z.object({
  type: z.literal('never-come-count'),
  id: Uuid,
  deviceId: Id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  afterDays: z.number().int().positive(),
  groups: z.array(z.object({ groupId: Id, count: z.number().int().nonnegative(), childIds: z.array(Id) })),
  /** When the kiosk drew the count (the first start on or after the next month's first day). */
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
});
export type NeverComeCountRecord = z.infer<typeof NeverComeCountRecordSchema>;

/**
 * A companion's card enrolled or revoked by the kindergarten's admin at the kiosk (issue 6). The kiosk made the
 * credential (credentialId, a uuid v7) and uses it at once; the city adds it to its roster under that same id, so the
 * kindergarten's other kiosks get it in their roster delta. A revocation names a credential the roster holds.
 */
export const CredentialChangeRecordSchema = z.object({
  type: z.literal('credential-change'),
  id: Uuid,
  deviceId: Id,
  credentialId: Id,
  companionId: Id,
  kind: z.enum(['rfid', 'qr']),
  /** The canonical card number (shared/credentials/card-number.ts); for a QR credential its credential id. */
  value: z.string().min(1).max(128),
  action: z.enum(['enrol', 'revoke']),
  /** The admin who did it. */
  staffId: Id,
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
  /** Why a card was revoked (lost, handed back…); null for an enrolment. */
  reason: z.string().min(1).max(500).nullable(),
}).refine((record) => record.action === 'revoke' || record.reason === null, {
  // The kiosk's credential_changes table has the same CHECK: an enrolment has no reason.
  message: 'an enrolment has no reason',
  path: ['reason'],
});
export type CredentialChangeRecord = z.infer<typeof CredentialChangeRecordSchema>;

/**
 * A change to the roster made at the kiosk where the kindergarten keeps its own roster (settings.rosterManagedBy
 * 'kindergarten'): the admin's hand edit or a spreadsheet's row, with who made it. The city applies it to its roster
 * under a new revision, so the kindergarten's other kiosks get it in their next delta; where the city manages the
 * roster it rejects the record. A join or a leave always names its day (joinedOn / lastDay).
 */
export const RosterChangeRecordSchema = z.object({
  type: z.literal('roster-change'),
  id: Uuid,
  deviceId: Id,
  /** The admin who made it. */
  staffId: Id,
  /** Where it was made: the console's roster pages or a spreadsheet import. */
  source: z.enum(['console', 'spreadsheet']),
  occurredAt: OffsetIso,
  occurredMs: z.number().int().nonnegative(),
  change: RosterChangeSchema,
});
export type RosterChangeRecord = z.infer<typeof RosterChangeRecordSchema>;

export const SyncRecordSchema = z.discriminatedUnion('type', [
  AttendanceRecordSchema,
  OverrideReasonRecordSchema,
  AbsenceRecordSchema,
  CorrectionRecordSchema,
  HeadcountRecordSchema,
  ClosingResolutionRecordSchema,
  CredentialChangeRecordSchema,
  RosterChangeRecordSchema,
  CertificateCheckRecordSchema,
  NeverComeCountRecordSchema,
]);
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

/** The newest event of the kiosk's hash chain: lets the city tell whether history was rewritten. */
export const ChainHeadSchema = z.object({ deviceSeq: z.number().int().nonnegative(), hash: Sha256Hex });
export type ChainHead = z.infer<typeof ChainHeadSchema>;

export const PushRequestSchema = z.object({
  deviceId: Id,
  records: z.array(SyncRecordSchema).min(1).max(MAX_PUSH_RECORDS),
  chainHead: ChainHeadSchema,
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: Uuid, status: z.literal('accepted') }),
  z.object({ id: Uuid, status: z.literal('duplicate') }),
  z.object({ id: Uuid, status: z.literal('rejected'), reason: z.string().min(1).max(500) }),
]);
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushReplySchema = z.object({
  results: z.array(PushResultSchema).max(MAX_PUSH_RECORDS),
  /** What the city holds as this device's chain head after the push; a mismatch is reported to admins. */
  chainHead: ChainHeadSchema.nullable(),
});
export type PushReply = z.infer<typeof PushReplySchema>;

export const MissingRequestSchema = z.object({ ids: z.array(Uuid).min(1).max(MAX_MISSING_IDS) });
export type MissingRequest = z.infer<typeof MissingRequestSchema>;
export const MissingReplySchema = z.object({ missing: z.array(Uuid).max(MAX_MISSING_IDS) });
export type MissingReply = z.infer<typeof MissingReplySchema>;

// ---- the kiosk's own chain, back from the city (after a restore from an older copy).
/**
 * GET records/chain?after=…&limit=…: the query. `after` is the hash of the newest event the kiosk holds (64 zeros: from
 * the first event); `limit` 1…MAX_CHAIN_PAGE, the whole page when absent.
 */
export const ChainPageQuerySchema = z.object({
  after: Sha256Hex,
  limit: z.coerce.number().int().min(1).max(MAX_CHAIN_PAGE).default(MAX_CHAIN_PAGE),
});
export type ChainPageQuery = z.infer<typeof ChainPageQuerySchema>;

export const ChainPageReplySchema = z.object({
  /**
   * Whether the city holds the event `after` names in the asking device's chain (always, for 64 zeros). When it does
   * not, `records` is empty: the kiosk compares `chainHead` with its own log to tell a city that is behind from a fork.
   */
  afterHeld: z.boolean(),
  /** The device's chain head as the city holds it, linked from the first event (as in the push reply); null: none. */
  chainHead: ChainHeadSchema.nullable(),
  /**
   * The device's attendance records after `after`, in deviceSeq order from the next place on, stopping at the first
   * place the city does not hold; at most `limit`. Fewer than `limit`: there is nothing more to ask for now.
   */
  records: z.array(AttendanceRecordSchema).max(MAX_CHAIN_PAGE),
});
export type ChainPageReply = z.infer<typeof ChainPageReplySchema>;

// ---- the roster the kiosk pulls.
export const CityKeySchema = z.object({ id: z.string().min(1).max(64), publicKey: PublicKeyB64 });
export type CityKey = z.infer<typeof CityKeySchema>;

/** Kindergarten-wide rules the city sets; absent fields keep the kiosk's own values. */
export const CitySettingsSchema = z.object({
  cutoffTime: ClockTime.optional(),
  closingTime: ClockTime.optional(),
  unexcusedLimitPerMonth: z.number().int().min(0).max(31).optional(),
  /** An older city's single yearly allowance: split between summer and winter where the two below are absent. */
  vacationDaysPerYear: z.number().int().min(0).max(366).optional(),
  /** Holiday days that keep a child's place in summer (June–August) and in winter (December–February). */
  summerHolidayDays: z.number().int().min(0).max(92).optional(),
  winterHolidayDays: z.number().int().min(0).max(91).optional(),
  /**
   * Who enrols and revokes companions' cards. Absent or 'kindergarten': the kindergarten's admin at the kiosk, and the
   * changes are pushed as credential-change records. 'city': the city's roster alone; the kiosk refuses local changes
   * and the city rejects credential-change records.
   */
  cardsManagedBy: z.enum(['kindergarten', 'city']).optional(),
  /**
   * Who keeps the roster (groups, children, companions and their rights). Absent or 'city': the city's roster alone;
   * the kiosk refuses hand edits and the city rejects roster-change records. 'kindergarten': the admin edits it at the
   * kiosk (or from a spreadsheet), and the changes are pushed as roster-change records.
   */
  rosterManagedBy: z.enum(['kindergarten', 'city']).optional(),
});
export type CitySettings = z.infer<typeof CitySettingsSchema>;

export const RosterSnapshotSchema = RosterSchema.extend({
  cityKeys: z.array(CityKeySchema),
  settings: CitySettingsSchema,
});
export type RosterSnapshot = z.infer<typeof RosterSnapshotSchema>;

const LinkKeySchema = z.object({ companionId: Id, childId: Id });

/** Rows changed since the cursor (whole rows, upserted) and rows removed. A revocation is a credential upsert with revokedAt. */
export const RosterDeltaSchema = z.object({
  upserts: RosterSchema.omit({ kindergarten: true }).partial().extend({ cityKeys: z.array(CityKeySchema).optional() }),
  removals: z.object({
    groups: z.array(Id).optional(),
    children: z.array(Id).optional(),
    companions: z.array(Id).optional(),
    links: z.array(LinkKeySchema).optional(),
    credentials: z.array(Id).optional(),
    staff: z.array(Id).optional(),
    cityKeys: z.array(z.string().min(1).max(64)).optional(),
  }),
  settings: CitySettingsSchema.optional(),
});
export type RosterDelta = z.infer<typeof RosterDeltaSchema>;

/** GET roster?cursor=…: a delta from a cursor the server knows, else a full snapshot (also with no cursor). */
export const RosterReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), cursor: z.string().min(1).max(200), roster: RosterSnapshotSchema }),
  z.object({ kind: z.literal('delta'), cursor: z.string().min(1).max(200), changes: RosterDeltaSchema }),
]);
export type RosterReply = z.infer<typeof RosterReplySchema>;

/** GET records/peers?since=…: today's records from the kindergarten's other kiosks (a second entrance). */
export const PeersReplySchema = z.object({
  cursor: z.string().min(1).max(200),
  records: z.array(SyncRecordSchema).max(MAX_PUSH_RECORDS),
});
export type PeersReply = z.infer<typeof PeersReplySchema>;
