// The admin console's diagnostics page (merged into kioskRequests in shared/api/contract.ts): what the person who has
// to fix a kiosk asks first — version, device, data folder, disk, database, chain, backups, readers, sync, clock,
// uptime, memory — and a support bundle (the logs and this report, zipped) saved like an export. Nothing here names
// a person: counts and states only.
import { z } from 'zod';
import { SyncStatusSchema } from '../sync/sync-status.js';

const Session = { sessionId: z.string().uuid() };
const Count = z.number().int().nonnegative();

/**
 * The automatic copies, as the backup module reports them. `available: false` until it does (no copies are made by
 * this version yet): the page then says so, never "fine".
 */
export const BackupSummarySchema = z.lazy(() => z.object({
  available: z.boolean(),
  lastCopyMs: z.number().int().nullable(),
  lastCopyVerified: z.boolean().nullable(),
  copies: Count,
  secondPlace: z.enum(['not-set', 'pending', 'ok', 'missing', 'failing']),
  problem: z.string().max(500).nullable(),
}));
export type BackupSummary = z.infer<typeof BackupSummarySchema>;

/** The records' disk as the disk watch last saw it (electron/core/disk/disk-watch.ts). */
export const DiskWarningSchema = z.lazy(() => z.object({
  freeBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  /** Free space below which the admins are warned (free-space-threshold.ts). */
  warnBelowBytes: z.number().nonnegative(),
  /** The data folder's growth per day as observed; null until a day of history is kept. */
  growthBytesPerDay: z.number().int().nonnegative().nullable(),
  /** Since when free space has been below the threshold; null while it is not. */
  lowSinceMs: z.number().int().nullable(),
}));
export type DiskWarning = z.infer<typeof DiskWarningSchema>;

// Built on first use (z.lazy), like the rest of KioskApi's schemas: the kiosk's start does not pay for them.
export const DiagnosticsSchema = z.lazy(() => z.object({
  takenMs: z.number().int(),
  app: z.object({ version: z.string(), shell: z.enum(['electron', 'web', 'test']), node: z.string(), electron: z.string().nullable(), platform: z.string(), arch: z.string() }),
  deviceId: z.string().nullable(),
  dataDir: z.string(),
  disk: z.object({ freeBytes: z.number().nullable(), databaseBytes: Count, walBytes: Count, logBytes: Count, logFiles: Count, watch: DiskWarningSchema.nullable() }),
  counts: z.object({ children: Count, companions: Count, cards: Count, events: Count, outboxPending: Count, refusedAttempts: Count }).nullable(),
  /** The kiosk's state ('ready', 'cannot-record', 'database-error'…) and, when open, its chain as start-up saw it. */
  state: z.string(),
  chain: z
    .object({
      intact: z.boolean(),
      events: Count,
      end: z.enum(['anchored', 'unknown']),
      fullCheck: z.enum(['running', 'done', 'not-run']),
      /** When the last walk over the whole chain (and integrity check) proved it, and through which seq; null: never. */
      lastFullCheckMs: z.number().int().nullable(),
      verifiedThroughSeq: z.number().int().nullable(),
    })
    .nullable(),
  backups: BackupSummarySchema,
  readers: z.array(z.object({ id: z.string(), name: z.string(), state: z.enum(['connected', 'disconnected', 'error']), detail: z.string().nullable() })),
  sync: SyncStatusSchema.nullable(),
  /** The OS clock (UTC) and zone: the records take their local time and offset from them. */
  clock: z.object({ nowIso: z.string(), osTimeZone: z.string(), osOffsetMinutes: z.number().int() }),
  uptime: z.object({ processSeconds: z.number(), systemSeconds: z.number() }),
  memory: z.object({ rssBytes: Count, heapUsedBytes: Count, systemFreeBytes: Count, systemTotalBytes: Count }),
}));
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

/** What only the screen knows (the camera is the renderer's), added to the bundle's report. */
export const ScreenDiagnosticsSchema = z.lazy(() => z.object({ cameras: z.number().int().min(0).max(64).nullable(), userAgent: z.string().max(512) }).strict());
export type ScreenDiagnostics = z.infer<typeof ScreenDiagnosticsSchema>;

export const SupportBundleNameSchema = z.string().regex(/^esik-support-[0-9]{8}-[0-9]{6}-[0-9a-f]{4}\.zip$/);

export const diagnosticsRequests = {
  adminDiagnostics: { args: z.lazy(() => z.object(Session).strict()), result: DiagnosticsSchema },
  /** Zips the log files and the report into the exports folder; the screen then hands it over as it does an export. */
  adminSupportBundle: {
    args: z.lazy(() => z.object({ ...Session, screen: ScreenDiagnosticsSchema }).strict()),
    result: z.lazy(() => z.object({ fileName: SupportBundleNameSchema, path: z.string(), bytes: z.number().int().positive(), logFiles: Count })),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type DiagnosticsRequestName = keyof typeof diagnosticsRequests;
