// The admin console's backup requests of KioskApi (merged into kioskRequests in shared/api/contract.ts): the verified
// copies the kiosk keeps of its records, how backing up stands, and the encrypted second place (a USB stick, a share).
import { z } from 'zod';

const Session = { sessionId: z.string().uuid() };

/** Why a copy was taken: by the hourly or daily schedule, before a migration to a new schema, or by an admin. */
export const BackupKindSchema = z.enum(['hourly', 'daily', 'pre-migration', 'manual']);
export type BackupKind = z.infer<typeof BackupKindSchema>;

/** What a copy holds, counted in the copy itself when it was verified. */
export const BackupCountsSchema = z.object({
  /** Every attendance event in the copy, the other kiosks' included. */
  events: z.number().int().nonnegative(),
  /** This kiosk's own events: its chain, walked through its head. */
  ownEvents: z.number().int().nonnegative(),
  children: z.number().int().nonnegative(),
  companions: z.number().int().nonnegative(),
  groups: z.number().int().nonnegative(),
});
export type BackupCounts = z.infer<typeof BackupCountsSchema>;

/**
 * One copy as its manifest describes it (electron/core/backup/backup-manifest.ts keeps one beside each copy), enough
 * for a restore to choose it without opening it: when, why, what it holds, the chain head it ends at, and whether it
 * was proven good (`verified`) or was put aside with the reason (`problem`).
 */
export const BackupCopySchema = z.object({
  /** The copy's file name in the backups folder (or in backups/failed for a copy that failed its check). */
  file: z.string().regex(/^esik-\d{8}T\d{9}Z-[a-z-]+\.sqlite$/),
  kind: BackupKindSchema,
  /** When the copy was taken: UTC ISO time and epoch ms. */
  takenAt: z.string(),
  takenMs: z.number().int(),
  bytes: z.number().int().nonnegative(),
  /** The newest migration applied in the copy: a restore into an older build is refused by it. */
  schemaVersion: z.number().int().nonnegative(),
  deviceId: z.string().nullable(),
  counts: BackupCountsSchema.nullable(),
  /** The copy's own chain head (this kiosk's newest event in it); null when it holds none of its own events. */
  head: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  /** SQLite's integrity check passed and the chain was walked whole from its first event through its head. */
  verified: z.boolean(),
  /** Why a copy is not verified (a failed integrity check, a broken chain, a file that could not be read). */
  problem: z.string().max(2000).nullable(),
  /** With pre-migration copies: the schema version the copy is of, and the one the migration went on to. */
  migration: z.object({ from: z.number().int().nonnegative(), to: z.number().int().positive() }).nullable(),
  copyMs: z.number().nonnegative(),
  verifyMs: z.number().nonnegative(),
});
export type BackupCopy = z.infer<typeof BackupCopySchema>;

/**
 * How the last attempt to write to the second place went: written; the folder not there (a stick pulled out, a share
 * offline); full; not writable; another failure. The local copies go on whatever it says.
 */
export const SecondPlaceStateSchema = z.enum(['written', 'missing', 'full', 'unwritable', 'failed']);
export type SecondPlaceState = z.infer<typeof SecondPlaceStateSchema>;

export const SecondPlaceStatusSchema = z.object({
  folder: z.string(),
  /** When the recovery passphrase (its derived key) was set: copies written since need that passphrase. */
  keySetAt: z.string(),
  last: z.object({ state: SecondPlaceStateSchema, at: z.string(), file: z.string().nullable(), detail: z.string().max(2000).nullable() }).nullable(),
});
export type SecondPlaceStatus = z.infer<typeof SecondPlaceStatusSchema>;

/** The retention the admin may set: how many copies to keep of the newest hours, days, months and years. */
export const BackupRetentionSchema = z
  .object({
    hourly: z.number().int().min(0).max(1000),
    daily: z.number().int().min(0).max(1000),
    monthly: z.number().int().min(0).max(1000),
    yearly: z.number().int().min(0).max(100),
  })
  .strict();
export type BackupRetention = z.infer<typeof BackupRetentionSchema>;

export const BackupStatusSchema = z.object({
  /** A copy is being taken or checked now. */
  running: z.boolean(),
  lastGood: BackupCopySchema.nullable(),
  /** The newest attempt that failed after the last good copy (null when the newest attempt succeeded). */
  lastFailure: z.object({ at: z.string(), code: z.string(), detail: z.string().max(2000) }).nullable(),
  retention: BackupRetentionSchema,
  /** What the second place keeps of the copies it receives (every verified copy goes there; a stick is smaller than a disk). */
  secondPlaceRetention: BackupRetentionSchema,
  /** The encrypted second place, or null when none is set. */
  secondPlace: SecondPlaceStatusSchema.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

/** A recovery passphrase: long enough that guessing it through scrypt is hopeless; never stored. */
export const RecoveryPassphraseSchema = z.string().min(1).max(1024);
export const MIN_PASSPHRASE_LENGTH = 12;

// Built on first use (z.lazy), as the rest of the contract: the kiosk's start does not pay for the console's schemas.
export const backupRequests = {
  /** The verified copies, newest first, the copies put aside as failed, and how backing up stands. */
  adminBackups: {
    args: z.lazy(() => z.object(Session).strict()),
    result: z.lazy(() => z.object({ copies: z.array(BackupCopySchema), failed: z.array(BackupCopySchema), status: BackupStatusSchema })),
  },
  /** Takes a verified copy now (or waits for the one running); fails with BACKUP_FAILED or BACKUP_NO_ROOM. */
  adminBackupNow: { args: z.lazy(() => z.object(Session).strict()), result: BackupCopySchema },
  /** The retention of the local copies and, when given, of the second place's (an admin-audit row for each change). */
  adminSetBackupRetention: {
    args: z.lazy(() => z.object({ ...Session, retention: BackupRetentionSchema, secondPlaceRetention: BackupRetentionSchema.optional() }).strict()),
    result: BackupStatusSchema,
  },
  /**
   * Sets the second place: a folder that must exist and take a file now (BACKUP_FOLDER_UNREACHABLE), and a recovery
   * passphrase of at least MIN_PASSPHRASE_LENGTH characters (BACKUP_PASSPHRASE_TOO_SHORT) from which the copies' key is
   * derived. The passphrase itself is never stored: without it the copies there cannot be read. Once one is set,
   * `currentPassphrase` (or, when it is left out, `passphrase` itself: the same passphrase, a new folder) must be the
   * one set, or nothing changes (BACKUP_PASSPHRASE_NOT_CURRENT): copies already written stay readable by a passphrase
   * the admin knows. Clearing the second place needs none.
   */
  adminSetBackupSecondPlace: {
    args: z.lazy(() =>
      z
        .object({ ...Session, folder: z.string().trim().min(1).max(1024), passphrase: RecoveryPassphraseSchema, currentPassphrase: RecoveryPassphraseSchema.optional() })
        .strict(),
    ),
    result: BackupStatusSchema,
  },
  /** No second place any more (the copies already there stay). */
  adminClearBackupSecondPlace: { args: z.lazy(() => z.object(Session).strict()), result: BackupStatusSchema },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type BackupRequestName = keyof typeof backupRequests;
