// Restoring the records from a verified copy (electron/core/backup/restore/): the copies a restore may choose, what a
// restore did, and the two requests of a kiosk that starts on a damaged records file (merged into kioskRequests in
// shared/api/contract.ts), and the admin console's two.
import { z } from 'zod';
import { PinSchema } from '../staff/staff-domain.js';
import { BackupCountsSchema, BackupKindSchema, RecoveryPassphraseSchema } from './backup-contract.js';

/** Where a copy is: the kiosk's own backups folder, or the encrypted second place (needs the recovery passphrase). */
export const CopySourceSchema = z.enum(['local', 'second-place']);
export type CopySource = z.infer<typeof CopySourceSchema>;

const CopyFile = z.string().regex(/^esik-\d{8}T\d{9}Z-[a-z-]+\.sqlite(\.esikbak)?$/);

/** One copy a restore may choose, with what is known of it before it is opened. */
export const RestorableCopySchema = z.object({
  source: CopySourceSchema,
  /** The file's name in its folder (an encrypted copy's ends in .esikbak). */
  file: CopyFile,
  kind: BackupKindSchema,
  takenAt: z.string(),
  takenMs: z.number().int(),
  /** What it holds, from its manifest; null for an encrypted copy whose local twin is gone (known once decrypted). */
  counts: BackupCountsSchema.nullable(),
  head: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  bytes: z.number().int().nonnegative(),
});
export type RestorableCopy = z.infer<typeof RestorableCopySchema>;

/** Which copy to restore: its place and file name as listed. */
export const CopyChoiceSchema = z.object({ source: CopySourceSchema, file: CopyFile });
export type CopyChoice = z.infer<typeof CopyChoiceSchema>;

/** What a restore did: the copy now in place (counted again as it was verified), and where the old file was put aside. */
export const RestoreOutcomeSchema = z.object({
  copy: RestorableCopySchema,
  /** `set-aside/<time>` inside the data folder: the records file as it was, with its -wal, -shm and anchor. Never deleted. */
  setAside: z.string(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcomeSchema>;

/** What the admin types to restore: their PIN, checked against the admins of the copy being restored. */
const RestoreProof = { pin: PinSchema };

// Built on first use (z.lazy), as the rest of the contract.
export const restoreRequests = {
  /**
   * On the damaged-records screen: the newest verified copy the kiosk holds, or null (no copy, or the records are not
   * damaged). Answered whatever state the kiosk is in.
   */
  restoreOffer: { args: z.lazy(() => z.object({}).strict()), result: z.lazy(() => z.object({ copy: RestorableCopySchema.nullable() })) },
  /**
   * On the damaged-records screen: restores the copy offered. The admin is recognised by their PIN against the staff
   * accounts of that copy (the damaged file cannot be trusted to say who is an admin). RESTORE_NOT_NEEDED when the
   * records are not damaged; RESTORE_PIN_WRONG / RESTORE_PIN_LOCKED; the codes of adminRestoreCopy.
   */
  restoreDamaged: {
    args: z.lazy(() => z.object({ file: CopyFile, ...RestoreProof }).strict()),
    result: RestoreOutcomeSchema,
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

/** The admin console's restore requests (answered by the backup desk, electron/core/backup/backup-handlers.ts). */
export const consoleRestoreRequests = {
  /** Every copy a restore may choose, newest first: the verified local copies and the second place's encrypted ones. */
  adminBackupCopies: {
    args: z.lazy(() => z.object({ sessionId: z.string().uuid() }).strict()),
    result: z.lazy(() => z.object({ copies: z.array(RestorableCopySchema), secondPlace: z.enum(['none', 'listed', 'unreachable']) })),
  },
  /**
   * Restores a copy: verified again, the current records put aside (never deleted), the copy put in place, the door
   * reopened on it. The admin types their PIN again (checked against the copy's admins); an encrypted copy needs the
   * recovery passphrase. Every staff session ends. RESTORE_COPY_NOT_FOUND, RESTORE_COPY_NOT_VERIFIED,
   * RESTORE_COPY_FROM_FUTURE, RESTORE_NO_ROOM, RESTORE_PASSPHRASE_NEEDED, BACKUP_WRONG_PASSPHRASE, BACKUP_FILE_DAMAGED,
   * RESTORE_PIN_WRONG, RESTORE_PIN_LOCKED, RESTORE_RUNNING, RESTORE_FAILED.
   */
  adminRestoreCopy: {
    args: z.lazy(() => z.object({ sessionId: z.string().uuid(), copy: CopyChoiceSchema, ...RestoreProof, passphrase: RecoveryPassphraseSchema.optional() }).strict()),
    result: RestoreOutcomeSchema,
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
