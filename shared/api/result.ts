// The shape of every reply that crosses the kiosk API: a value, or an error with a code the UI translates.
import { z } from 'zod';
import { updateRefusals } from '../admin/update-contract.js';
import { peerErrorCodes } from '../peers/peer-errors.js';

export const errorCodes = [
  'INVALID_REQUEST',
  'UNKNOWN_REQUEST',
  'UNKNOWN_CARD',
  /** A staff member's card tapped at the door: the screens open the staff sign-in at the PIN for it. */
  'STAFF_CARD',
  'CARD_UNREADABLE',
  'CARD_REVOKED',
  'NO_CHILDREN',
  'QR_MALFORMED',
  'QR_TOO_LARGE',
  'QR_FORGED',
  'QR_EXPIRED',
  'QR_NOT_YET_VALID',
  'QR_REVOKED',
  'QR_FOREIGN',
  /** The offer named is not (or no longer) kept: never made, lapsed after a minute, or pushed out by newer ones. */
  'OFFER_EXPIRED',
  /** The offer was already confirmed once: nothing recorded again. */
  'OFFER_USED',
  /** Since the offer, the child's record changed (someone else checked them in or out): identify again. */
  'OFFER_STALE',
  /** The credential was recorded for within the repeat window by another offer: nothing recorded twice. */
  'ALREADY_RECORDED',
  /** A departure soon after the arrival was confirmed without the companion's yes to "is the child leaving?". */
  'LEAVING_NOT_CONFIRMED',
  /** The companion may not take a chosen child now (blocked, or not allowed to bring or collect): staff are told. */
  'PICKUP_NOT_ALLOWED',
  /** A door's request (a tap, an offer) made to the office PC, which has no door (docs/peers.md §2). */
  'NOT_A_DOOR',
  'STAFF_SESSION_ENDED',
  'STAFF_FORBIDDEN',
  'STAFF_SETUP_DONE',
  /** An admin asked to set their own PIN: that is "Change my PIN", which asks for the old one first. */
  'STAFF_OWN_PIN',
  'ENROLL_BAD_URL',
  'ENROLL_UNREACHABLE',
  'ENROLL_CODE_REFUSED',
  'ENROLL_PROTOCOL_UNSUPPORTED',
  'ENROLL_SERVER_ERROR',
  /** The city has another kiosk (another key) registered under this kiosk's device id: a person must look. */
  'ENROLL_DEVICE_ID_TAKEN',
  /** The kiosk holds the demo kindergarten: its records never leave the machine; "start afresh" comes first. */
  'ENROLL_DEMO',
  /** The first-run setup: a time zone this machine does not know; no enrollment waiting; a reading that is no card. */
  'SETUP_BAD_TIME_ZONE',
  'SETUP_NO_CITY_PREVIEW',
  'SETUP_NOT_A_CARD',
  /** Enrolled with the city: the roster's source is the city's now (its records are kept under this kiosk there). */
  'SETUP_ROSTER_ENROLLED',
  /** "Start afresh" is for the demo only: a kindergarten's own records are never put aside this way. */
  'AFRESH_NOT_DEMO',
  'CARDS_MANAGED_BY_CITY',
  /** The city keeps this kindergarten's roster (settings rosterManagedBy 'city'): hand edits are refused. */
  'ROSTER_MANAGED_BY_CITY',
  'SAVE_UNAVAILABLE',
  'SAVE_FAILED',
  'SUPPORT_BUNDLE_FAILED',
  'DATABASE_UNAVAILABLE',
  /** The disk is full, read-only or failing: nothing was recorded (the door is in its cannot-record state). */
  'CANNOT_RECORD',
  /** A copy of the records could not be taken or failed its check (the earlier copies are kept). */
  'BACKUP_FAILED',
  /** The kiosk's disk has no room for a copy of the records beside the room the door needs. */
  'BACKUP_NO_ROOM',
  /** The second place chosen does not exist or cannot be written to (a stick not plugged in, a share offline). */
  'BACKUP_FOLDER_UNREACHABLE',
  'BACKUP_PASSPHRASE_TOO_SHORT',
  /** An encrypted copy: the recovery passphrase does not open it. */
  'BACKUP_WRONG_PASSPHRASE',
  /** The time zone named is not one the kiosk's tz data knows. */
  'TIME_ZONE_UNKNOWN',
  /** An encrypted copy changed or cut anywhere: its authentication fails. */
  'BACKUP_FILE_DAMAGED',
  'BACKUP_NOT_A_BACKUP',
  /** Changing the second place: the passphrase given as the current one is not the one set there (nothing changed). */
  'BACKUP_PASSPHRASE_NOT_CURRENT',
  /** Restoring a copy: the copy named is not there (any more). */
  'RESTORE_COPY_NOT_FOUND',
  /** The copy failed its check when verified again (integrity or chain): nothing was changed. */
  'RESTORE_COPY_NOT_VERIFIED',
  /** The copy was written by a newer version of Esik than this one. */
  'RESTORE_COPY_FROM_FUTURE',
  /** The disk has no room to take the copy in beside the records it puts aside: nothing was changed. */
  'RESTORE_NO_ROOM',
  /** An encrypted copy: the recovery passphrase is needed to open it. */
  'RESTORE_PASSPHRASE_NEEDED',
  /** The PIN is no admin's PIN in the copy being restored. */
  'RESTORE_PIN_WRONG',
  /** Too many wrong PINs for a restore: wait before trying again. */
  'RESTORE_PIN_LOCKED',
  /** The PINs cannot be checked here (the install's PIN secret is missing or sealed by another program). */
  'RESTORE_PIN_UNCHECKABLE',
  /** Restoring from the damaged-records screen when the records are not damaged: use the console. */
  'RESTORE_NOT_NEEDED',
  /** A restore is already under way. */
  'RESTORE_RUNNING',
  /** The files could not be swapped (the records were put back as they were). */
  'RESTORE_FAILED',
  /** The year is not past the five-year policy (docs/retention.md), or has no records left in the live database. */
  'ARCHIVE_YEAR_NOT_DUE',
  /** An older year is still in the live database: years are archived oldest first. */
  'ARCHIVE_OLDER_YEAR_FIRST',
  /** Records of the year the city has not acknowledged (queued or refused) are never archived. */
  'ARCHIVE_NOT_ACKNOWLEDGED',
  /** The chain's newest event is from that year: it must stay live, for the anchor and the city to find. */
  'ARCHIVE_HOLDS_CHAIN_HEAD',
  /** This kiosk's events of the year are not one unbroken stretch of its chain (the clock was set back across the year's end). */
  'ARCHIVE_YEAR_NOT_CONTIGUOUS',
  /** The year's records changed while its archive file was written: nothing was moved; try again. */
  'ARCHIVE_CHANGED',
  'ARCHIVE_RUNNING',
  /** The archive file could not be written or failed its check: nothing was moved. */
  'ARCHIVE_FAILED',
  'ARCHIVE_UNKNOWN_YEAR',
  /** The updates' refusals (shared/admin/update-contract.ts). */
  ...updateRefusals,
  /** Pairing, the link and removal of the kindergarten's computers (docs/peers.md §3). */
  ...peerErrorCodes,
  /** The spreadsheet is larger than a roster can be (roster-import-contract.ts ROSTER_FILE_MAX_BYTES). */
  'ROSTER_FILE_TOO_LARGE',
  /** The file named was never announced, or was forgotten (ten minutes, or newer files). */
  'ROSTER_UPLOAD_UNKNOWN',
  /** Not every byte of the file has arrived, or a piece came out of order. */
  'ROSTER_UPLOAD_INCOMPLETE',
  /** The file itself was refused (the preview says why): nothing to apply. */
  'ROSTER_FILE_REFUSED',
  /** Problems stand and their rows are not skipped: nothing was applied. */
  'ROSTER_HAS_PROBLEMS',
  /** The roster changed since the preview: preview again. Nothing was applied. */
  'ROSTER_IMPORT_STALE',
  'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** Context for logs and staff; never shown to companions as is. */
  detail: z.string().max(2000).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, detail?: string): Result<T> {
  return detail === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, detail } };
}

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiErrorSchema }),
  ]);
}
