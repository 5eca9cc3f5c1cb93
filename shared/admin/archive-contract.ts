// The admin console's archive requests (merged into adminRequests): the years the five-year policy (docs/retention.md)
// makes due, the years already moved into their yearly archive files with their proof, and archiving a year — which the
// admin confirms with their PIN again.
import { z } from 'zod';
import { PinSchema } from '../staff/staff-domain.js';

const Session = { sessionId: z.string().uuid() };
const Year = z.number().int().min(2000).max(2999);
const Hash = z.string().regex(/^[0-9a-f]{64}$/);

export const ArchiveCountsSchema = z.object({
  ownEvents: z.number().int().nonnegative(),
  peerEvents: z.number().int().nonnegative(),
  overrideReasons: z.number().int().nonnegative(),
  closingResolutions: z.number().int().nonnegative(),
  absences: z.number().int().nonnegative(),
});

export const DueYearSchema = z.object({
  year: Year,
  counts: ArchiveCountsSchema,
  /** Records of the year the city has not acknowledged: the year cannot be archived while any are left. */
  unacknowledged: z.number().int().nonnegative(),
  estimatedBytes: z.number().int().nonnegative(),
});
export type DueYear = z.infer<typeof DueYearSchema>;

export const ArchivedYearSchema = z.object({
  year: Year,
  fileName: z.string(),
  sha256: Hash,
  bytes: z.number().int().positive(),
  firstSeq: z.number().int().positive(),
  lastSeq: z.number().int().nonnegative(),
  counts: ArchiveCountsSchema,
  archivedAt: z.string(),
  /** Who confirmed it. */
  staffName: z.string(),
  /** The newest proof of the file since the kiosk started (integrity, chain segment, sha256); null: not checked since. */
  check: z.object({ at: z.string(), verified: z.boolean(), problem: z.string().max(2000).nullable() }).nullable(),
});
export type ArchivedYear = z.infer<typeof ArchivedYearSchema>;

export const ArchiveOverviewSchema = z.object({
  /** Years kept in the live database before the current one. */
  keepYears: z.number().int().positive(),
  due: z.array(DueYearSchema),
  archived: z.array(ArchivedYearSchema),
  running: z.object({ year: Year, step: z.enum(['writing', 'verifying', 'moving']), copied: z.number().int(), total: z.number().int() }).nullable(),
});
export type ArchiveOverview = z.infer<typeof ArchiveOverviewSchema>;

/** Archiving answers the year archived, or the PIN check's outcome when the PIN was wrong or the account is locked. */
export const ArchiveYearOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('archived'), year: ArchivedYearSchema }),
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: z.number().int().nonnegative() }),
  z.object({ outcome: z.literal('locked'), until: z.string() }),
]);
export type ArchiveYearOutcome = z.infer<typeof ArchiveYearOutcomeSchema>;

export const archiveRequests = {
  adminArchive: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => ArchiveOverviewSchema) },
  /**
   * Moves a due year into its archive file, confirmed with the admin's own PIN (checked like a sign-in). Refused with
   * ARCHIVE_YEAR_NOT_DUE, ARCHIVE_OLDER_YEAR_FIRST, ARCHIVE_NOT_ACKNOWLEDGED, ARCHIVE_HOLDS_CHAIN_HEAD,
   * ARCHIVE_YEAR_NOT_CONTIGUOUS, ARCHIVE_RUNNING, ARCHIVE_CHANGED or ARCHIVE_FAILED; nothing is moved then.
   */
  adminArchiveYear: {
    args: z.lazy(() => z.object({ ...Session, year: Year, pin: PinSchema }).strict()),
    result: z.lazy(() => ArchiveYearOutcomeSchema),
  },
  /** Proves an archived year's file again; ARCHIVE_UNKNOWN_YEAR for a year never archived. */
  adminVerifyArchive: { args: z.lazy(() => z.object({ ...Session, year: Year }).strict()), result: z.lazy(() => ArchivedYearSchema) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
