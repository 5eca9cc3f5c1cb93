// The USB stick and the relay on the console's *Computers* page (docs/peers.md §5, §8): write a stick for the
// kindergarten's other computers, read one (the file sent in pieces, as the roster import sends its workbook: a request
// carries at most 64 KiB), and enroll a door with no network of its own for the city. Spread into peersRequests; the
// core's ComputersDesk answers them (electron/core/computers/stick-desk.ts).
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { BUNDLE_REFUSAL_CODES, type BundleOutcome } from './bundle-outcome.js';

const Session = { sessionId: z.string().uuid() };
const Count = z.number().int().nonnegative();
const Seq = z.number().int().positive();
const Iso = z.string().min(10).max(40);

/** The largest stick read (docs/peers.md §8: over 256 MiB is BUNDLE_TOO_LARGE, said before a byte is sent). */
export const STICK_FILE_MAX_BYTES = 256 * 1024 * 1024;
/** Bytes of the file per piece: 32 KiB, as the roster import's. */
export const STICK_CHUNK_BYTES = 32 * 1024;

/** A stick's file name as written (`esik-<machine name>-<yyyymmdd-hhmm>.esikpeer`): no folder, nothing a file system refuses. */
export const StickFileNameSchema = z.string().regex(/^esik-[^\\/<>:"|?*\p{Cc}]{1,160}\.esikpeer$/u);

const About = { bundleId: Id, from: Id, writtenAt: Iso };
const Refusal = z.object({ code: z.enum(BUNDLE_REFUSAL_CODES), detail: z.string().max(2000), from: Id.optional() });

/** What reading a stick came to (shared/peers/bundle-outcome.ts), as the console is told it. */
export const BundleOutcomeSchema: z.ZodType<BundleOutcome> = z.lazy(() =>
  z.union([
    z.discriminatedUnion('code', [
      z.object({
        code: z.literal('BUNDLE_READ'),
        ...About,
        origins: z.array(z.object({ deviceId: Id, count: Count, fromSeq: Seq, toSeq: Seq, newestMs: Count })).max(64),
        total: Count,
        roster: z.boolean(),
      }),
      z.object({ code: z.literal('BUNDLE_ALREADY_READ'), ...About, readAt: Iso }),
      z.object({ code: z.literal('BUNDLE_NOTHING_NEW'), ...About }),
      z.object({ code: z.literal('BUNDLE_GAP'), ...About, gaps: z.array(z.object({ deviceId: Id, fromSeq: Seq, toSeq: Seq })).max(64) }),
      z.object({ code: z.literal('BUNDLE_FORK'), ...About, deviceId: Id, seq: Seq }),
      z.object({ code: z.literal('BUNDLE_ORIGIN_REVOKED'), ...About, deviceId: Id, seq: Seq }),
    ]),
    Refusal,
  ]),
);

export const StickWrittenSchema = z.lazy(() =>
  z.object({
    /** The file in the data folder's exports/ (the web host serves it for download; Electron saves a copy where asked). */
    fileName: StickFileNameSchema,
    path: z.string().max(4000),
    records: Count,
    /** The computers it is sealed for. */
    recipients: z.array(Id).max(64),
  }),
);
export type StickWritten = z.infer<typeof StickWrittenSchema>;

export const StickReadSchema = z.lazy(() =>
  z.object({
    outcome: BundleOutcomeSchema,
    /** Records whose effect is written, and records kept waiting for what they name; null when nothing was taken in. */
    taken: z.object({ applied: Count, waiting: Count }).nullable(),
  }),
);
export type StickRead = z.infer<typeof StickReadSchema>;

const UploadId = z.string().uuid();

export const stickRequests = {
  /** *Write a stick*: for one computer, or (no deviceId) every other current member; written into exports/. */
  bundleWrite: { args: z.lazy(() => z.object({ ...Session, deviceId: Id.optional() }).strict()), result: StickWrittenSchema },
  /** Announces a stick file to read; INVALID_REQUEST over STICK_FILE_MAX_BYTES (the page says BUNDLE_TOO_LARGE before). */
  bundleReadBegin: {
    args: z.lazy(() => z.object({ ...Session, fileName: z.string().trim().min(1).max(260), bytes: Count }).strict()),
    result: z.lazy(() => z.object({ uploadId: UploadId, chunkBytes: z.number().int().positive() })),
  },
  /** One piece of the file, base64, in order. */
  bundleReadChunk: {
    args: z.lazy(() =>
      z.object({ ...Session, uploadId: UploadId, offset: Count, data: z.string().max(Math.ceil(STICK_CHUNK_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict(),
    ),
    result: z.lazy(() => z.object({ received: Count })),
  },
  /** *Read a stick*: the whole file checked before anything is written, then taken in or refused with its reason. */
  bundleRead: { args: z.lazy(() => z.object({ ...Session, uploadId: UploadId }).strict()), result: StickReadSchema },
  /** The office enrolls a door it carries for, with a city enrollment code typed for that door (docs/peers.md §5). */
  relayEnroll: {
    args: z.lazy(() => z.object({ ...Session, deviceId: Id, serverUrl: z.string().trim().min(1).max(2000), code: z.string().trim().min(1).max(64) }).strict()),
    result: z.lazy(() => z.object({ doorId: Id, queued: Count })),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;
