// The records machines of one kindergarten exchange (docs/peer-protocol.md, "Record kinds"; why: docs/peers.md §5–§6).
// Every machine keeps its own hash-chained, signed peer log; a PeerRecord is one row of it as it crosses the LAN or
// a USB stick. The hashing itself needs node:crypto and lives beside the event chain (electron/core/ledger/peer-hash.ts).
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { AttendanceRecordSchema } from '../sync/protocol.js';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const Uuid = z.uuid();
/** n raw bytes as base64url without padding. */
export function b64u(bytes: number): z.ZodString {
  return z.string().length(Math.ceil((bytes * 4) / 3)).regex(/^[A-Za-z0-9_-]+$/);
}
/** A hybrid logical clock: wall-clock ms (13 digits) and a counter, ordered as text. */
export const Hlc = z.string().regex(/^\d{13}-\d{4}$/);
export type Hlc = z.infer<typeof Hlc>;
/** "ip:port" or "host:port" a machine listens on for its peers. */
export const PeerAddress = z.string().min(3).max(80).regex(/^[^\s]+:\d{1,5}$/);
export const PeerAddresses = z.array(PeerAddress).max(8);

/** Kinds the city also takes (their body is the SyncRecord queued in the origin's outbox; attendance carries `event`). */
export const CITY_KINDS = [
  'attendance',
  'override-reason',
  'absence',
  'correction',
  'headcount',
  'closing-resolution',
  'certificate-check',
  'never-come-count',
  'credential-change',
  'roster-change',
] as const;
/** Kinds that never leave the kindergarten. */
export const PEER_ONLY_KINDS = [
  'member',
  'member-revoked',
  'staff-account',
  'staff-pin',
  'staff-lock',
  'staff-card',
  'setting',
  'transfer',
  'paper-day',
  'audit',
  'city-acks',
  'staff-alert-handled',
] as const;
export const PeerKindSchema = z.enum([...CITY_KINDS, ...PEER_ONLY_KINDS]);
export type PeerKind = z.infer<typeof PeerKindSchema>;
export type CityKind = (typeof CITY_KINDS)[number];

export function isCityKind(kind: PeerKind): kind is CityKind {
  return (CITY_KINDS as readonly string[]).includes(kind);
}

/** One row of an origin's peer log. `hash` covers everything but `body`/`event`, which `contentHash` stands for. */
export const PeerRecordSchema = z
  .object({
    deviceId: Id,
    seq: z.number().int().min(1),
    kind: PeerKindSchema,
    id: Uuid,
    hlc: Hlc,
    /** Register kinds: the record this edit replaced as its editor saw it. */
    base: Uuid.nullable(),
    prevHash: Sha256Hex,
    hash: Sha256Hex,
    contentHash: Sha256Hex,
    /** The record's JSON text byte for byte as its origin wrote it; null for attendance. */
    body: z.string().max(256 * 1024).nullable(),
    /**
     * Attendance only: the city record, whose esik-event-v1 hash is contentHash. Absent on a row whose event the sender
     * holds only in a yearly archive ("link-only", docs/peers.md §5 "Archived years"): taken only up to the origin's
     * archived head the same page names (records.archived).
     */
    event: AttendanceRecordSchema.optional(),
  })
  .refine((r) => (r.kind === 'attendance' ? r.body === null : r.body !== null && r.event === undefined), {
    message: 'attendance carries no body (its event, unless archived); every other kind a body and no event',
  });
export type PeerRecord = z.infer<typeof PeerRecordSchema>;

/** An origin's log head, signed by the origin's device key over ["esik-peer-head-v1", deviceId, seq, hash]. */
export const SignedHeadSchema = z.object({ deviceId: Id, seq: z.number().int().min(1), hash: Sha256Hex, sig: b64u(64) });
export type SignedHead = z.infer<typeof SignedHeadSchema>;

/** Highest contiguous seq held per origin device. */
export const HaveVectorSchema = z.record(Id, z.number().int().nonnegative());
export type HaveVector = z.infer<typeof HaveVectorSchema>;

// ---- bodies of the peer-only kinds (docs/peer-protocol.md table)
const StaffRole = z.enum(['staff', 'admin']);
export const MachineRoleSchema = z.enum(['door', 'office']);
export type MachineRole = z.infer<typeof MachineRoleSchema>;

export const MemberBodySchema = z.object({
  deviceId: Id,
  name: z.string().min(1).max(60),
  role: MachineRoleSchema,
  signPub: b64u(32),
  dhPub: b64u(32),
  qrKeyId: z.string().min(1).max(64),
  qrPub: b64u(32),
  addrs: PeerAddresses,
  pairedBy: Id.nullable(),
  pairedAt: z.string().min(1).max(40),
  /**
   * The last seq of the new machine's own log when it was paired (PairJoin `records.own`): its rows up to it were written
   * before it joined and rank below the group's in every register (docs/peers.md §9 "the group first"). Absent on the
   * founder's own member record: it had nobody before it and keeps its own.
   */
  broughtSeq: z.number().int().nonnegative().optional(),
});
export const MemberRevokedBodySchema = z.object({
  deviceId: Id,
  acceptUpToSeq: z.number().int().nonnegative(),
  reason: z.string().max(500),
  staffId: Id,
});
export const StaffAccountBodySchema = z.object({
  staffId: Id,
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  role: StaffRole,
  active: z.boolean(),
  origin: z.enum(['local', 'city']),
});
export const StaffPinBodySchema = z.object({
  staffId: Id,
  /** null: the PIN is voided (a joining machine's accounts only it had). */
  hash: b64u(32).nullable(),
  salt: b64u(16),
  params: z.object({ N: z.number().int().positive(), r: z.number().int().positive(), p: z.number().int().positive() }),
  setAt: z.string().min(1).max(40),
  setBy: Id.nullable(),
});
export const StaffLockBodySchema = z.object({
  staffId: Id,
  channel: z.enum(['name', 'card']),
  untilMs: z.number().int().nonnegative().nullable(),
});
export const StaffCardBodySchema = z.object({ cardId: Id, staffId: Id, value: z.string().min(1).max(64), revokedAt: z.string().max(40).nullable() });
export const SettingBodySchema = z.object({ key: z.string().min(1).max(64), value: z.json() });
export const TransferBodySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  kind: z.enum(['day-off', 'working-day']).nullable(),
  note: z.string().max(500),
  /** Who set it and when: the calendar_transfers row every machine writes from the winner is the same row. */
  staffId: Id,
  setAt: z.string().min(1).max(40),
  setMs: z.number().int().nonnegative(),
});
export const PaperDayBodySchema = z.object({
  groupId: Id,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  eventIds: z.array(Uuid).max(2000),
  staffId: Id,
  recordedAt: z.string().min(1).max(40),
  /** The roll as ticked: present (already recorded or added now) and absent; the other machines show the entry so. */
  present: z.number().int().nonnegative().optional(),
  absent: z.number().int().nonnegative().optional(),
});
export const AuditBodySchema = z.object({ table: z.enum(['staff', 'admin']), row: z.record(z.string(), z.json()) });
export const CityAcksBodySchema = z.object({
  forDevice: Id,
  accepted: z.array(Uuid).max(1000),
  duplicate: z.array(Uuid).max(1000),
  rejected: z.array(z.object({ id: Uuid, reason: z.string().max(200) })).max(1000),
  atMs: z.number().int().nonnegative(),
});
export const StaffAlertHandledBodySchema = z.object({ alertId: Id, staffId: Id });

/** The body schema of each peer-only kind; city kinds parse with SyncRecordSchema. */
export const PEER_ONLY_BODY = {
  member: MemberBodySchema,
  'member-revoked': MemberRevokedBodySchema,
  'staff-account': StaffAccountBodySchema,
  'staff-pin': StaffPinBodySchema,
  'staff-lock': StaffLockBodySchema,
  'staff-card': StaffCardBodySchema,
  setting: SettingBodySchema,
  transfer: TransferBodySchema,
  'paper-day': PaperDayBodySchema,
  audit: AuditBodySchema,
  'city-acks': CityAcksBodySchema,
  'staff-alert-handled': StaffAlertHandledBodySchema,
} as const satisfies Record<(typeof PEER_ONLY_KINDS)[number], z.ZodType>;
