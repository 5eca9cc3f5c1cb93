// What the kiosk tells its screen about sync with the city (KioskApi getSyncStatus / syncStatusChanged), and the
// codes every failed exchange with the city is reduced to.
import { z } from 'zod';

/** Why an exchange with the city failed. None of them ever counts as the city having a record. */
export const SyncErrorCodeSchema = z.enum([
  /** No connection, or no complete reply, within the time allowed. */
  'SYNC_TIMEOUT',
  /** The connection could not be made or broke (refused, reset, DNS, TLS). */
  'SYNC_NETWORK',
  /** A status other than success (a 5xx, a 4xx the kiosk cannot act on). */
  'SYNC_HTTP_STATUS',
  /** A 3xx: redirects are never followed, the enrolled server must answer itself. */
  'SYNC_REDIRECT',
  /** The reply was larger than MAX_REPLY_BYTES and was not read. */
  'SYNC_TOO_LARGE',
  /** The reply was not JSON or did not match the protocol's schema. */
  'SYNC_MALFORMED',
  /** The server does not speak protocol v1 (426, or no protocol header). */
  'SYNC_PROTOCOL_UNSUPPORTED',
  /** 401/403: the device token was refused (revoked or never valid); an admin must enroll the kiosk again. */
  'SYNC_UNAUTHORIZED',
  /**
   * The kiosk's log is chained under another device id than the one the city enrolled: nothing is pushed, since the
   * city would refuse every record (and a refusal is final).
   */
  'SYNC_DEVICE_MISMATCH',
  /** The kiosk's own side failed (its database busy or unreadable); logged in full, retried like a network error. */
  'SYNC_LOCAL',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCodeSchema>;

/**
 * Why the roster the door uses is not the city's latest. The exchange's own codes (a redirect, a reply too large, not
 * JSON or not the protocol's shape: wrong types, a missing field, an unknown kind), or a roster that parsed but that the
 * kiosk refused to apply, keeping the one it had.
 */
export const RosterProblemCodeSchema = z.enum([
  ...SyncErrorCodeSchema.options,
  /** A card number that is not canonical (docs/card-numbers.md): it would never match a card at the door. */
  'ROSTER_BAD_CARD',
  /** It contradicts itself or the kiosk's tables: a link to a child it does not list, one card on two live credentials. */
  'ROSTER_INCONSISTENT',
  /** It is another kindergarten's. */
  'ROSTER_OTHER_KINDERGARTEN',
]);
export type RosterProblemCode = z.infer<typeof RosterProblemCodeSchema>;

export const RosterProblemSchema = z.object({
  code: RosterProblemCodeSchema,
  /** Kiosk epoch ms of the first failed pull in a row: the roster is stale since then. */
  sinceMs: z.number().int().nonnegative(),
});
export type RosterProblem = z.infer<typeof RosterProblemSchema>;

/**
 * Why this kiosk's own events held by the city were not put back after a restore (electron/core/sync/recovery/); nothing
 * was written for the page refused.
 */
export const RecoveryProblemCodeSchema = z.enum([
  /** The city's chain for this device does not continue the kiosk's own (a fork): the kiosk's records are never overwritten. */
  'RECOVERY_FORK',
  /** The city answered records that cannot be this kiosk's chain: another device's, a hash that does not compute, out of place. */
  'RECOVERY_BAD_RECORD',
  /** A record names a child, companion, card or staff member the kiosk's roster does not have yet: tried again later. */
  'RECOVERY_ROSTER_BEHIND',
]);
export type RecoveryProblemCode = z.infer<typeof RecoveryProblemCodeSchema>;

export const RecoveryProblemSchema = z.object({
  code: RecoveryProblemCodeSchema,
  /** Kiosk epoch ms of the first refusal in a row. */
  sinceMs: z.number().int().nonnegative(),
});
export type RecoveryProblem = z.infer<typeof RecoveryProblemSchema>;

export const RecoveredSchema = z.object({
  /** This kiosk's own events put back from the city (after a restore from an older copy), the last time it happened. */
  events: z.number().int().positive(),
  /** The chain's place they reached. */
  throughSeq: z.number().int().positive(),
  /** Kiosk epoch ms when they were put back. */
  atMs: z.number().int().nonnegative(),
});
export type Recovered = z.infer<typeof RecoveredSchema>;

export const SyncStatusSchema = z.object({
  /** never-enrolled: no city server set up; online: the last exchange with the city succeeded; offline: it failed or none yet. */
  state: z.enum(['never-enrolled', 'online', 'offline']),
  /** Records waiting to reach the city. */
  queued: z.number().int().nonnegative(),
  /** Records the city refused, with reasons, kept for the admins. */
  rejected: z.number().int().nonnegative(),
  /** Kiosk epoch ms of the last successful exchange, or null if never. */
  lastSuccessMs: z.number().int().nonnegative().nullable(),
  lastErrorCode: SyncErrorCodeSchema.nullable(),
  /** City clock minus kiosk clock, ms, as last measured; null before the kiosk first heard the city. */
  clockDriftMs: z.number().int().nullable(),
  /** The city's idea of this kiosk's newest event disagrees with the kiosk's own log: staff must look. */
  chainHeadMismatch: z.boolean(),
  /** The city's chain head is short of this kiosk's newest event with nothing left to send: the city lost records. */
  cityBehind: z.boolean(),
  /** Sync has stopped trying until a person acts: enroll the kiosk again (401) or update it (426); null while it runs. */
  halted: z.enum(['enroll-again', 'update-kiosk']).nullable(),
  /** The last roster pull failed or was refused: the door still uses the roster it had. Null when it is current. */
  rosterProblem: RosterProblemSchema.nullable(),
  /** The last time this kiosk's own events were put back from the city; null if never. */
  recovered: RecoveredSchema.nullable(),
  /** Putting back this kiosk's events from the city was refused: admins must look. Null when it was not. */
  recoveryProblem: RecoveryProblemSchema.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const NEVER_ENROLLED: SyncStatus = {
  state: 'never-enrolled',
  queued: 0,
  rejected: 0,
  lastSuccessMs: null,
  lastErrorCode: null,
  clockDriftMs: null,
  chainHeadMismatch: false,
  cityBehind: false,
  halted: null,
  rosterProblem: null,
  recovered: null,
  recoveryProblem: null,
};
