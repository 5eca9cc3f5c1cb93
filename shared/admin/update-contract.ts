// The admin console's update requests (merged into kioskRequests in shared/api/contract.ts): where updates come from
// (a generic feed the admin names, or a folder on a USB stick), what the last check found, the quiet hours an update
// may install in, and "install now". The core decides every step (electron/core/updates/); the page asks and shows.
import { z } from 'zod';

const Session = { sessionId: z.string().uuid() };
const Hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * A feed's address: http or https, a host (no user or password: a feed is public, its signature is what counts), an
 * optional port and path; no query or fragment. Shared code has no URL parser, so the shape is spelled out.
 */
export const FeedUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .regex(/^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[^\s?#]*)?$/, 'an http or https address');

/** Local "HH:MM" from and to; from later than to spans midnight. */
export const QuietHoursSchema = z
  .object({ from: Hhmm, to: Hhmm })
  .strict()
  .refine((hours) => hours.from !== hours.to, 'the quiet hours need a length');
export type QuietHoursSetting = z.infer<typeof QuietHoursSchema>;

export const updateRefusals = [
  /** No feed address is set: checks wait for one (or a folder). */
  'UPDATE_FEED_NOT_SET',
  /** The feed could not be reached, or lacks its channel file, or answered with an error. */
  'UPDATE_FEED_UNREACHABLE',
  /** The channel file has no signature beside it. */
  'UPDATE_UNSIGNED',
  /** The channel file is not signed by a key this kiosk ships with, or was changed after signing. */
  'UPDATE_SIGNATURE_INVALID',
  /** Signed, but names no well-formed update. */
  'UPDATE_MANIFEST_INVALID',
  /** The folder is not there, or holds no channel file. */
  'UPDATE_FOLDER_UNREADABLE',
  'UPDATE_FILE_MISSING',
  /** An installer shorter than the channel file says: a download or a copy cut short. */
  'UPDATE_FILE_INCOMPLETE',
  /** An installer whose size or sha512 is not what the channel file says. */
  'UPDATE_FILE_MISMATCH',
  /** The update offered is not newer than this version. */
  'UPDATE_NOT_NEWER',
  /** The download by the app failed. */
  'UPDATE_DOWNLOAD_FAILED',
  /** "Install now" with nothing downloaded and checked. */
  'UPDATE_NOTHING_READY',
  /** "Install now" during the door's day (morning reception to after closing): never then. */
  'UPDATE_DOOR_HOURS',
  /** This shell cannot install (the web host): updates install in the installed app. */
  'UPDATE_NOT_INSTALLABLE',
  /** A check, a download or a folder is being worked on now. */
  'UPDATE_BUSY',
] as const;
export type UpdateRefusal = (typeof updateRefusals)[number];
export const UpdateRefusalSchema = z.enum(updateRefusals);

/** The newest check of the feed or a folder, kept across restarts. */
export const UpdateCheckSchema = z.object({
  atMs: z.number().int(),
  source: z.enum(['feed', 'folder']),
  outcome: z.enum(['up-to-date', 'available', 'refused']),
  /** The version offered (up-to-date and available). */
  version: z.string().max(64).nullable(),
  code: UpdateRefusalSchema.nullable(),
  detail: z.string().max(2000).nullable(),
});
export type UpdateCheck = z.infer<typeof UpdateCheckSchema>;

/** A newer version found: offered (not yet downloaded), downloading, ready to install, or failed with a code. */
export const PendingUpdateSchema = z.object({
  version: z.string().max(64),
  source: z.enum(['feed', 'folder']),
  state: z.enum(['offered', 'downloading', 'ready', 'failed']),
  code: UpdateRefusalSchema.nullable(),
});
export type PendingUpdate = z.infer<typeof PendingUpdateSchema>;

export const UpdatesOverviewSchema = z.object({
  currentVersion: z.string(),
  /** The shell can download and install (the installed app); the web host only checks. */
  canInstall: z.boolean(),
  feedUrl: z.string().nullable(),
  quietHours: QuietHoursSchema,
  /** The door's day from the staff settings: nothing installs in it. */
  doorHours: z.object({ from: Hhmm, to: Hhmm }),
  lastCheck: UpdateCheckSchema.nullable(),
  pending: PendingUpdateSchema.nullable(),
});
export type UpdatesOverview = z.infer<typeof UpdatesOverviewSchema>;

export const updateRequests = {
  adminUpdates: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => UpdatesOverviewSchema) },
  /** The feed's address, or null for none (an admin-audit row). */
  adminSetUpdateFeed: { args: z.lazy(() => z.object({ ...Session, feedUrl: FeedUrlSchema.nullable() }).strict()), result: z.lazy(() => UpdatesOverviewSchema) },
  /** The quiet hours an update installs in by itself (an admin-audit row). */
  adminSetUpdateQuietHours: { args: z.lazy(() => z.object({ ...Session, quietHours: QuietHoursSchema }).strict()), result: z.lazy(() => UpdatesOverviewSchema) },
  /** Checks the feed now; what it found is in lastCheck (a refusal included), the request fails only with UPDATE_FEED_NOT_SET or UPDATE_BUSY. */
  adminCheckUpdatesNow: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => UpdatesOverviewSchema) },
  /** Checks a folder (a USB stick) and stages its update; refused with the folder's code (an admin-audit row either way). */
  adminUpdateFromFolder: {
    args: z.lazy(() => z.object({ ...Session, folder: z.string().trim().min(1).max(1024) }).strict()),
    result: z.lazy(() => UpdatesOverviewSchema),
  },
  /** Installs the ready update now: refused UPDATE_DOOR_HOURS, UPDATE_NOTHING_READY or UPDATE_NOT_INSTALLABLE (an admin-audit row when it goes). */
  adminInstallUpdateNow: { args: z.lazy(() => z.object(Session).strict()), result: z.lazy(() => UpdatesOverviewSchema) },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type UpdateRequestName = keyof typeof updateRequests;
