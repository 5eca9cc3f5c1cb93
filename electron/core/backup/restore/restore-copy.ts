// The steps of a restore, shared by the kiosk core (the console, the damaged-records screen) and the command line:
//
//   1. prepare: the copy is taken into `<dataDir>/restore-staging/` (copied, or decrypted from the second place), checked
//      again as a backup is (read-only integrity check and chain walk, copy-verify.ts), and the admin's PIN is checked
//      against the copy's own admins. The records in use are not touched: any refusal here changes nothing.
//   2. put in place (the door stopped): the records file with its -wal, -shm, anchor and damage marker is moved, never
//      deleted, into `<dataDir>/set-aside/<time>/`; the checked copy is renamed into its place; the anchor is written at
//      the copy's chain head, so the restored (older) file is not taken for one that lost events.
//   3. record: once the records are open again (and migrated, if the copy is of an older schema), an admin-audit row
//      says who restored what, and where the old file went.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { CopyChoice, RestorableCopy, RestoreOutcome } from '../../../../shared/admin/restore-contract.js';
import { fail, ok, type ErrorCode, type Result } from '../../../../shared/api/result.js';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../../shared/staff/staff-contract.js';
import { syncFile, syncFolder } from '../../files/atomic-write.js';
import { migrations } from '../../db/migrations/index.js';
import { freeBytes, MIN_FREE_BYTES } from '../../db/storage-probe.js';
import { AdminAudit } from '../../ledger/admin-audit.js';
import { ChainAnchor } from '../../ledger/chain-anchor.js';
import { GENESIS_HASH } from '../../ledger/event-chain.js';
import { BackupCryptoError, decryptFile, HEADER_BYTES } from '../backup-crypto.js';
import { verifyCopy, type CopyVerdict } from '../copy-verify.js';
import { ensurePrivateFolder } from '../backup-manifest.js';
import { adminOfCopy } from './copy-admins.js';
import { locateCopy } from './restorable-copies.js';

export const STAGING_FOLDER = 'restore-staging';
export const SET_ASIDE_FOLDER = 'set-aside';
/** What travels with the records file and is put aside with it. */
const COMPANION_SUFFIXES = ['', '-wal', '-shm', '-journal', '.anchor', '.damaged'] as const;
const GCM_TAG_BYTES = 16;

export interface RestorePlaces {
  dataDir: string;
  databasePath: string;
  /** The second place's folder, or null when none is set. */
  secondPlace: string | null;
  nativeBinding: string | null;
}

/** Who restores, and how they got here (kept in the audit row). */
export type RestoreVia = 'console' | 'damaged-screen' | 'command-line';

export interface PreparedRestore {
  /** The checked copy, ready to be renamed into place. */
  staged: string;
  copy: RestorableCopy;
  verdict: CopyVerdict;
  admin: StaffMember;
}

export interface RestoreRequest {
  choice: CopyChoice;
  pin: string;
  passphrase: string | null;
  /** The install's PIN pepper (staff/pin-pepper.ts); throws when it cannot be read. */
  pepper: () => Buffer;
}

type Failure = Extract<Result<never>, { ok: false }>;

/** The newest schema this build knows: a copy of a newer one would be migrated backwards by nobody. */
const NEWEST_SCHEMA = Math.max(...migrations.map((m) => m.version));

export async function prepareRestore(places: RestorePlaces, request: RestoreRequest): Promise<Result<PreparedRestore>> {
  const found = locateCopy(places.dataDir, places.secondPlace, request.choice);
  if (!found) return fail('RESTORE_COPY_NOT_FOUND', `${request.choice.source} copy ${request.choice.file}`);
  const encrypted = request.choice.source === 'second-place';
  if (encrypted && request.passphrase === null) return fail('RESTORE_PASSPHRASE_NEEDED');
  let pepper: Buffer;
  try {
    pepper = request.pepper();
  } catch (error) {
    return fail('RESTORE_PIN_UNCHECKABLE', messageOf(error));
  }
  // A plain copy's admins are read where it lies, so a wrong PIN costs no copying; an encrypted one's once decrypted.
  if (!encrypted) {
    const refused = await pinRefusal(found.path, request.pin, pepper, places.nativeBinding);
    if ('code' in refused) return refused.failure;
  }
  const staging = ensurePrivateFolder(join(places.dataDir, STAGING_FOLDER));
  const staged = join(staging, found.copy.file.replace(/\.esikbak$/, ''));
  const room = roomRefusal(places.dataDir, encrypted ? found.copy.bytes - HEADER_BYTES - GCM_TAG_BYTES : found.copy.bytes);
  if (room) return room;
  const taken = await takeIn(found.path, staged, encrypted ? request.passphrase : null);
  if (taken) return taken;
  const verdict = verifyCopy(staged, places.nativeBinding);
  const problem = !verdict.verified
    ? fail('RESTORE_COPY_NOT_VERIFIED', verdict.problem ?? 'not verified')
    : verdict.schemaVersion > NEWEST_SCHEMA
      ? fail('RESTORE_COPY_FROM_FUTURE', `schema ${verdict.schemaVersion}; this version knows up to ${NEWEST_SCHEMA}`)
      : null;
  if (problem) {
    rmSync(staged, { force: true });
    return problem;
  }
  const admin = await pinRefusal(staged, request.pin, pepper, places.nativeBinding);
  if ('code' in admin) {
    rmSync(staged, { force: true });
    return admin.failure;
  }
  const copy: RestorableCopy = { ...found.copy, counts: verdict.counts, head: verdict.head };
  return ok({ staged, copy, verdict, admin: admin.member });
}

/** The admin of the copy whose PIN this is, or the refusal to answer. */
async function pinRefusal(path: string, pin: string, pepper: Buffer, nativeBinding: string | null): Promise<{ member: StaffMember } | { code: ErrorCode; failure: Failure }> {
  try {
    const member = await adminOfCopy(path, pin, pepper, nativeBinding);
    if (member) return { member };
    return { code: 'RESTORE_PIN_WRONG', failure: { ok: false, error: { code: 'RESTORE_PIN_WRONG' } } };
  } catch (error) {
    const failure: Failure = { ok: false, error: { code: 'RESTORE_COPY_NOT_VERIFIED', detail: `its staff accounts cannot be read: ${messageOf(error)}` } };
    return { code: 'RESTORE_COPY_NOT_VERIFIED', failure };
  }
}

/** Refuses when the copy would not fit beside the records it puts aside, with the room the door needs after it. */
function roomRefusal(dataDir: string, bytes: number): Failure | null {
  const free = freeBytes(dataDir);
  const needed = bytes + MIN_FREE_BYTES;
  if (free === null || free >= needed) return null;
  return { ok: false, error: { code: 'RESTORE_NO_ROOM', detail: `${free} bytes free in ${dataDir}; the copy needs ${needed}` } };
}

/** Copies (or decrypts) the copy into the staging folder, synced; a failure leaves nothing there. */
async function takeIn(source: string, staged: string, passphrase: string | null): Promise<Failure | null> {
  rmSync(staged, { force: true });
  try {
    if (passphrase === null) {
      copyFileSync(source, staged);
      syncFile(staged);
    } else {
      await decryptFile(source, staged, passphrase);
    }
    return null;
  } catch (error) {
    rmSync(staged, { force: true });
    if (error instanceof BackupCryptoError) return { ok: false, error: { code: error.code, detail: error.message } };
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return { ok: false, error: { code: code === 'ENOSPC' || code === 'EDQUOT' ? 'RESTORE_NO_ROOM' : 'RESTORE_FAILED', detail: messageOf(error) } };
  }
}

/**
 * Step 2, with the door stopped and nothing else holding the records file: the old files aside, the copy in place, the
 * anchor at the copy's head. A failure part-way moves what was moved back. Returns the set-aside folder (relative to the
 * data folder).
 */
export function putCopyInPlace(places: RestorePlaces, prepared: PreparedRestore, nowMs: number, via: RestoreVia): Result<{ setAside: string }> {
  const stamp = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  const folder = join(places.dataDir, SET_ASIDE_FOLDER, stamp);
  const moved: { from: string; to: string }[] = [];
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const suffix of COMPANION_SUFFIXES) {
      const from = `${places.databasePath}${suffix}`;
      if (!existsSync(from)) continue;
      const to = join(folder, `${relative(places.dataDir, places.databasePath)}${suffix}`);
      renameSync(from, to);
      moved.push({ from, to });
    }
    writeFileSync(
      join(folder, 'restore.json'),
      `${JSON.stringify({ at: new Date(nowMs).toISOString(), via, restored: prepared.copy, by: prepared.admin.id }, null, 2)}\n`,
      { mode: 0o600 },
    );
    syncFolder(folder);
    renameSync(prepared.staged, places.databasePath);
    syncFolder(places.dataDir);
  } catch (error) {
    for (const { from, to } of moved.reverse()) {
      try {
        renameSync(to, from);
      } catch {
        // Left in the set-aside folder: still there, and the log line below names it.
      }
    }
    return fail('RESTORE_FAILED', `${messageOf(error)} (set-aside folder ${folder})`);
  }
  const { deviceId, head } = prepared.verdict;
  if (deviceId !== null) {
    const anchor = new ChainAnchor(`${places.databasePath}.anchor`);
    try {
      anchor.write({ deviceId, seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH });
    } catch {
      // No anchor: the next start reads the chain's end as unknown (not as events missing) and writes one itself.
    } finally {
      anchor.close();
    }
  }
  return ok({ setAside: relative(places.dataDir, folder) });
}

/** Step 3: the admin-audit row, in the restored records (open and migrated). */
export function recordRestore(db: Database, prepared: PreparedRestore, outcome: RestoreOutcome, via: RestoreVia, at: LocalTime): void {
  new AdminAudit(db).record('backup-restored', prepared.admin.id, at, {
    via,
    source: outcome.copy.source,
    file: outcome.copy.file,
    takenAt: outcome.copy.takenAt,
    headSeq: outcome.copy.head?.seq ?? 0,
    setAside: outcome.setAside,
  });
}

/** A prepared restore that will not go ahead: its staged copy removed. */
export function discardPrepared(prepared: PreparedRestore): void {
  rmSync(prepared.staged, { force: true });
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
