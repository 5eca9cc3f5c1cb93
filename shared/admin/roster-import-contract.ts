// The roster from the kindergarten's own spreadsheet (merged into adminRequests): the workbook to download — the
// template, or filled with the roster as it stands — and an import in steps: the file sent in pieces (a request may
// carry at most 64 KiB), a preview of what would change and every problem at its sheet, row and column, then the apply.
// Only where the kindergarten keeps its roster (ROSTER_MANAGED_BY_CITY otherwise, as for hand edits).
// electron/core/admin/roster-import-desk.ts over electron/core/roster/spreadsheet/.
import { z } from 'zod';

const Session = { sessionId: z.string().uuid() };

/** The largest workbook accepted (electron/core/roster/spreadsheet/file-guard.ts MAX_FILE_BYTES). */
export const ROSTER_FILE_MAX_BYTES = 4 * 1024 * 1024;
/** Bytes of the file per piece: 32 KiB, 43,692 characters of base64, well inside a request. */
export const ROSTER_CHUNK_BYTES = 32 * 1024;

export const RosterSheetKeySchema = z.enum(['groups', 'children', 'companions', 'cards', 'pickup']);

export const RosterProblemKindSchema = z.enum([
  'formula',
  'error-value',
  'merged-cells',
  'missing-value',
  'too-long',
  'bad-code',
  'bad-order',
  'bad-date',
  'bad-gender',
  'bad-relation',
  'bad-phone',
  'bad-yes-no',
  'bad-kind',
  'bad-card-number',
  'partial-card-number',
  'duplicate-code',
  'duplicate-group',
  'duplicate-child',
  'duplicate-companion',
  'duplicate-card',
  'duplicate-link',
  'unknown-group',
  'unknown-child',
  'unknown-companion',
  'ambiguous-child',
  'ambiguous-companion',
  'card-of-staff',
  'card-unblocked',
  'nobody-collects',
]);
export type RosterProblemKind = z.infer<typeof RosterProblemKindSchema>;

export const RosterProblemSchema = z.object({
  sheet: RosterSheetKeySchema,
  /** The tab's name as the file has it. */
  sheetName: z.string().max(64),
  row: z.number().int().positive(),
  /** Column letter and header as written; null for a problem of the whole row. */
  column: z.string().max(8).nullable(),
  header: z.string().max(100).nullable(),
  kind: RosterProblemKindSchema,
  value: z.string().max(80).nullable(),
  /** The row this one repeats or clashes with. */
  otherRow: z.number().int().positive().nullable(),
});
export type RosterProblem = z.infer<typeof RosterProblemSchema>;

const KindCounts = z.object({ added: z.number().int().nonnegative(), changed: z.number().int().nonnegative(), removed: z.number().int().nonnegative() });
export const RosterCountsSchema = z.object({ groups: KindCounts, children: KindCounts, companions: KindCounts, cards: KindCounts, links: KindCounts });
export type RosterCounts = z.infer<typeof RosterCountsSchema>;

/** Why a whole file was refused, before any row was read. */
export const RosterFileRefusalSchema = z.enum(['too-large', 'not-xlsx', 'damaged', 'unpacks-too-large', 'sheet-missing', 'column-missing', 'too-many-rows']);
export type RosterFileRefusal = z.infer<typeof RosterFileRefusalSchema>;

/** At most this many problems travel with a preview; problemCount says how many there are. */
export const ROSTER_PREVIEW_MAX_PROBLEMS = 300;

export const RosterPreviewSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('refused'),
    refusal: RosterFileRefusalSchema,
    /** The sheet (or the missing sheet's name) and the missing column's header, where the refusal names one. */
    sheet: z.string().max(64).nullable(),
    column: z.string().max(100).nullable(),
    limit: z.number().int().nullable(),
  }),
  z.object({
    outcome: z.literal('preview'),
    fileName: z.string().max(200),
    counts: RosterCountsSchema,
    /** Problems still standing (skipping: false), or those of the rows left out (skipping: true). */
    problems: z.array(RosterProblemSchema).max(ROSTER_PREVIEW_MAX_PROBLEMS),
    problemCount: z.number().int().nonnegative(),
    skipping: z.boolean(),
    skippedRows: z.number().int().nonnegative(),
    /** Nothing stands in the way: no problem, or the rows with one are skipped. */
    canApply: z.boolean(),
    /** The file is the roster as it stands: applying changes nothing. */
    unchanged: z.boolean(),
  }),
]);
export type RosterPreview = z.infer<typeof RosterPreviewSchema>;

export const RosterImportAppliedSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('applied'), counts: RosterCountsSchema, skippedRows: z.number().int().nonnegative() }),
  /**
   * The roster editor ('roster-change': a child who left today back the same day…) or the card enrolment ('card': a
   * number that was a staff card…) refused one of the file's changes as the roster stands: nothing was applied.
   */
  z.object({ outcome: z.literal('refused'), reason: z.enum(['roster-change', 'card']), detail: z.string().max(1000) }),
]);
export type RosterImportApplied = z.infer<typeof RosterImportAppliedSchema>;

const UploadId = z.string().uuid();
export const RosterSheetLanguageSchema = z.enum(['kk', 'ru']);

export const rosterImportRequests = {
  /** Whether the roster may be imported here (the kindergarten keeps it) and the largest file taken. */
  adminRosterImportInfo: {
    args: z.lazy(() => z.object(Session).strict()),
    result: z.lazy(() => z.object({ allowed: z.boolean(), maxBytes: z.number().int().positive() })),
  },
  /** The workbook in Kazakh or Russian, empty or filled with the roster as it stands, written into exports/. */
  adminRosterSpreadsheet: {
    args: z.lazy(() => z.object({ ...Session, language: RosterSheetLanguageSchema, filled: z.boolean() }).strict()),
    result: z.lazy(() => z.object({ fileName: z.string(), path: z.string(), bytes: z.number().int().nonnegative() })),
  },
  /** Announces a file: refused as ROSTER_FILE_TOO_LARGE before a byte of it is sent, or ROSTER_MANAGED_BY_CITY. */
  adminRosterImportBegin: {
    args: z.lazy(() => z.object({ ...Session, fileName: z.string().trim().min(1).max(200), bytes: z.number().int().nonnegative() }).strict()),
    result: z.lazy(() => z.object({ uploadId: UploadId, chunkBytes: z.number().int().positive() })),
  },
  /** One piece of the file, base64, in order. */
  adminRosterImportChunk: {
    args: z.lazy(() =>
      z
        .object({ ...Session, uploadId: UploadId, offset: z.number().int().nonnegative(), data: z.string().max(Math.ceil(ROSTER_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/) })
        .strict(),
    ),
    result: z.lazy(() => z.object({ received: z.number().int().nonnegative() })),
  },
  /** What the whole file would change, and every problem; skipProblemRows: read it again leaving out the rows with one. */
  adminRosterImportPreview: {
    args: z.lazy(() => z.object({ ...Session, uploadId: UploadId, skipProblemRows: z.boolean() }).strict()),
    result: z.lazy(() => RosterPreviewSchema),
  },
  /**
   * Applies the file as previewed, in one transaction, as the admin's roster changes and card changes (attributed,
   * audited, queued for the city). `expected` is the preview's counts: if the roster or the reading changed since,
   * ROSTER_IMPORT_STALE and nothing is applied. ROSTER_HAS_PROBLEMS while a problem stands and the rows are not skipped;
   * outcome 'refused' when the roster refuses one of its changes as it stands (nothing applied either).
   */
  adminRosterImportApply: {
    args: z.lazy(() => z.object({ ...Session, uploadId: UploadId, skipProblemRows: z.boolean(), expected: RosterCountsSchema }).strict()),
    result: z.lazy(() => RosterImportAppliedSchema),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
