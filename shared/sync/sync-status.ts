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
};
