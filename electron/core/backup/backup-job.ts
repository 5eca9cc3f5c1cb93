// One backup, start to end, on a connection of its own (run in the backup worker thread, beside the door): an online
// copy with SQLite's backup API into backups/.incoming, the copy made self-contained (rollback journal, no -wal),
// verified (copy-verify.ts), then moved into backups/ with its manifest — or, failing its check, into backups/failed/
// with the reason, never counted as good. Only after a verified copy are older ones pruned, and only then does it go
// to the second place.
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, fdatasyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupCopySchema, BackupKindSchema, BackupRetentionSchema, SecondPlaceStateSchema, type BackupCopy } from '../../../shared/admin/backup-contract.js';
import { syncFile, syncFolder } from '../files/atomic-write.js';
import { freeBytes } from '../db/storage-probe.js';
import { BackupKeySchema } from './backup-crypto.js';
import { backupsDir, copyFileName, ensurePrivateFolder, FAILED_FOLDER, INCOMING_FOLDER, listCopies, manifestPath, writeManifest } from './backup-manifest.js';
import { copiesToKeep } from './backup-retention.js';
import type { ThreadPriority } from './idle-thread.js';
import { checkCopyBeside } from './copy-verify.js';
import { DoorRequestSchema, doorWaitsFor, type DoorWaits } from './door-quiet.js';
import { writeToSecondPlace } from './second-place.js';

export const BackupJobRequestSchema = z.object({
  databasePath: z.string(),
  dataDir: z.string(),
  kind: BackupKindSchema,
  takenMs: z.number().int(),
  nativeBinding: z.string().nullable(),
  retention: BackupRetentionSchema,
  /** Where the retention's local hours and days are told (time/clock.ts zoneOf): an IANA zone or a fixed offset. */
  zone: z.union([z.number().int(), z.string().max(64)]).nullable(),
  /** The second place, its key and what it keeps (its own retention: a stick holds fewer copies than the disk). */
  secondPlace: z.object({ folder: z.string(), key: BackupKeySchema, retention: BackupRetentionSchema }).nullable(),
  /** The worker script a second thread runs the copy's integrity check in (backup-runner.ts sets it); absent: this thread. */
  integrityScript: z.string().optional(),
  /** The door the job gives way to (door-quiet.ts): it starts and takes each step only once the door is quiet. */
  door: DoorRequestSchema.optional(),
});
export type BackupJobRequest = z.infer<typeof BackupJobRequestSchema>;

export const BackupFailureCodeSchema = z.enum(['BACKUP_NO_ROOM', 'BACKUP_FAILED']);

/** How low the worker thread that ran a job went for its verification (idle-thread.ts); absent when the job ran in the caller's thread. */
const ThreadPrioritySchema = z.enum(['idle', 'nice', 'normal']) satisfies z.ZodType<ThreadPriority>;

export const BackupJobOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('verified'),
    copy: BackupCopySchema,
    pruned: z.array(z.string()),
    secondPlace: z.object({ state: SecondPlaceStateSchema, file: z.string().nullable(), detail: z.string().nullable() }).nullable(),
    priority: ThreadPrioritySchema.optional(),
    /** How long the job waited for the door to be quiet, in all (door-quiet.ts). */
    waitedForDoorMs: z.number().optional(),
  }),
  /** No good copy: `copy` is the one put aside in backups/failed (null when nothing was left to keep). */
  z.object({ kind: z.literal('failed'), code: BackupFailureCodeSchema, detail: z.string(), copy: BackupCopySchema.nullable(), priority: ThreadPrioritySchema.optional(), waitedForDoorMs: z.number().optional() }),
]);
export type BackupJobOutcome = z.infer<typeof BackupJobOutcomeSchema>;

/** Room left on the kiosk's disk after a copy: a backup never takes the space the door records into. */
export const BACKUP_RESERVE_BYTES = 64 * 1024 * 1024;
/** Failed copies kept aside (each as large as the records): the newest few are enough to look into. */
export const KEEP_FAILED = 3;
/**
 * The copy goes in steps of this many bytes, each synced to disk before the next: a copy written out in one go at the
 * end makes the door's own fsync (synchronous=FULL, every tap) wait behind a whole file's data on ext4 and the like.
 */
const STEP_BYTES = 8 * 1024 * 1024;
/** A breath between steps in the worker thread, so the disk serves the door's writes in between. */
const STEP_PAUSE_MS = 5;
const pause = new Int32Array(new SharedArrayBuffer(4));

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** Pushes what was written of a file so far to the disk (its data; the size and name are synced at the end). */
function syncData(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface BackupJobHooks {
  /** Called once the copy is taken, before it is verified (the worker lowers its thread then: idle-thread.ts). */
  beforeVerify?: () => void;
}

export async function runBackupJob(request: BackupJobRequest, hooks: BackupJobHooks = {}): Promise<BackupJobOutcome> {
  const folder = ensurePrivateFolder(backupsDir(request.dataDir));
  const incoming = ensurePrivateFolder(join(folder, INCOMING_FOLDER));
  // What a crash left half-taken is not a copy.
  for (const name of readdirSync(incoming)) rmSync(join(incoming, name), { force: true });
  const needed = sizeOf(request.databasePath) + sizeOf(`${request.databasePath}-wal`) + BACKUP_RESERVE_BYTES;
  const free = freeBytes(folder);
  if (free !== null && free < needed) {
    return { kind: 'failed', code: 'BACKUP_NO_ROOM', detail: `${free} bytes free in ${folder}; a copy needs ${needed}`, copy: null };
  }
  const waits = doorWaitsFor(request.door);
  const file = copyFileName(request.takenMs, request.kind);
  const taking = join(incoming, file);
  const nativeBinding = request.nativeBinding ? { nativeBinding: request.nativeBinding } : {};
  const started = performance.now();
  try {
    const source = new BetterSqlite3(request.databasePath, { readonly: true, fileMustExist: true, ...nativeBinding });
    try {
      waits?.untilQuiet();
      source.pragma('busy_timeout = 5000');
      // One read transaction for the whole copy: every step reads the same snapshot, and the door's commits meanwhile
      // neither show up half-way nor restart the copy (SQLite restarts a backup whose source changed between steps
      // only when the backup had to take a fresh read lock for each step).
      source.exec('BEGIN');
      source.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
      const stepPages = Math.max(1, Math.floor(STEP_BYTES / Number(source.pragma('page_size', { simple: true }))));
      await source.backup(taking, {
        progress: () => {
          syncData(taking);
          if (!isMainThread) Atomics.wait(pause, 0, 0, STEP_PAUSE_MS);
          waits?.untilQuiet();
          return stepPages;
        },
      });
      source.exec('COMMIT');
    } finally {
      source.close();
    }
    // The copy carries the source's WAL mode in its header: a copy is one file, read without a -wal or -shm beside it.
    const copy = new BetterSqlite3(taking, nativeBinding);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    syncFile(taking);
  } catch (error) {
    rmSync(taking, { force: true });
    const detail = error instanceof Error ? error.message : String(error);
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return { kind: 'failed', code: code === 'ENOSPC' || code === 'SQLITE_FULL' ? 'BACKUP_NO_ROOM' : 'BACKUP_FAILED', detail: `copy: ${detail}`, copy: null };
  }
  const copyMs = performance.now() - started;
  hooks.beforeVerify?.();
  const outcome = await placeCopy({ folder, taking, file, request, copyMs, waits });
  return waits ? { ...outcome, waitedForDoorMs: waits.totalMs() } : outcome;
}

/** Verifies the copy just taken and moves it where it belongs, with its manifest; prunes and goes on to the second place when verified. */
async function placeCopy(input: {
  folder: string;
  taking: string;
  file: string;
  request: BackupJobRequest;
  copyMs: number;
  waits: DoorWaits | null;
}): Promise<BackupJobOutcome> {
  const { folder, taking, file, request, waits } = input;
  const between = waits ? () => void waits.untilQuiet() : undefined;
  waits?.untilQuiet();
  const { verdict, copy } = await checkCopyBeside(
    {
      path: taking,
      file,
      kind: request.kind,
      takenMs: request.takenMs,
      migration: null,
      copyMs: input.copyMs,
      nativeBinding: request.nativeBinding,
      ...(request.door && between ? { door: { request: request.door, between } } : {}),
    },
    request.integrityScript ?? null,
  );
  if (!verdict.verified) {
    const failed = putAside(folder, taking, copy);
    return { kind: 'failed', code: 'BACKUP_FAILED', detail: copy.problem ?? 'not verified', copy: failed };
  }
  // Moving the copy in and pruning old ones write and free hundreds of megabytes' worth of the file system's records.
  waits?.untilQuiet();
  renameSync(taking, join(folder, file));
  writeManifest(folder, copy);
  syncFolder(folder);
  const pruned = pruneCopies(folder, request);
  const secondPlace =
    request.secondPlace && copy.deviceId
      ? await writeToSecondPlace({
          folder: request.secondPlace.folder,
          deviceId: copy.deviceId,
          copyPath: join(folder, file),
          copyFile: file,
          key: request.secondPlace.key,
          retention: request.secondPlace.retention,
          zone: request.zone ?? undefined,
        })
      : null;
  return { kind: 'verified', copy, pruned, secondPlace };
}

/** A copy that failed its check goes to backups/failed with its manifest (the newest KEEP_FAILED are kept). */
export function putAside(folder: string, path: string, copy: BackupCopy): BackupCopy {
  const failed = ensurePrivateFolder(join(folder, FAILED_FOLDER));
  renameSync(path, join(failed, copy.file));
  writeManifest(failed, copy);
  for (const old of listCopies(failed).slice(KEEP_FAILED)) removeCopy(failed, old.file);
  syncFolder(failed);
  return copy;
}

function removeCopy(folder: string, file: string): void {
  // The manifest first: a copy without one is an unfinished one, never listed, and removed below next time.
  rmSync(manifestPath(folder, file), { force: true });
  rmSync(join(folder, file), { force: true });
}

/** Removes the verified copies the retention no longer keeps, and copy files whose manifest never got written. */
function pruneCopies(folder: string, request: BackupJobRequest): string[] {
  const copies = listCopies(folder);
  const keep = copiesToKeep(copies, request.retention, request.zone ?? undefined);
  const pruned: string[] = [];
  for (const copy of copies) {
    if (keep.has(copy.file)) continue;
    removeCopy(folder, copy.file);
    pruned.push(copy.file);
  }
  const listed = new Set(copies.map((c) => c.file));
  for (const name of readdirSync(folder)) {
    if (/^esik-.*\.sqlite$/.test(name) && !listed.has(name) && !existsSync(manifestPath(folder, name))) rmSync(join(folder, name), { force: true });
  }
  syncFolder(folder);
  return pruned;
}
