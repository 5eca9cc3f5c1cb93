// Proves a copy good before it counts: opened read-only, SQLite's integrity check over every page and index, then this
// kiosk's event chain walked from its first event through its head with the ledger's own chain code. Also counts what
// the copy holds, for its manifest. Synchronous and heavy (seconds for a million events): run it off the door's thread.
import type BetterSqlite3 from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { BackupCopy, BackupCounts } from '../../../shared/admin/backup-contract.js';
import { walkOwnChain } from '../ledger/chain-audit.js';
import { integrityBeside, integrityOfCopy, openCopy } from './copy-integrity.js';
import type { DoorRequest } from './door-quiet.js';

export interface CopyVerdict {
  verified: boolean;
  /** Why not verified; null when verified. */
  problem: string | null;
  /** What failed: the file itself (or reading it), or only the chain in an otherwise whole file; null when verified. */
  failed: 'file' | 'chain' | null;
  deviceId: string | null;
  schemaVersion: number;
  counts: BackupCounts | null;
  head: { seq: number; hash: string } | null;
}

/** Verifies a copy in this thread: the integrity check, then the chain walk (the copy before a migration). */
export function verifyCopy(path: string, nativeBinding: string | null): CopyVerdict {
  try {
    return judged(integrityOfCopy(path, nativeBinding), walkCopy(path, nativeBinding));
  } catch (error) {
    return unreadable(error);
  }
}

/**
 * Verifies a copy with its integrity check already running elsewhere (copy-integrity.ts): the chain walk runs here
 * meanwhile, and the verdict waits for both.
 */
export async function verifyCopyBeside(path: string, nativeBinding: string | null, integrity: Promise<string | null>, between?: () => void): Promise<CopyVerdict> {
  const walked = walkCopy(path, nativeBinding, between);
  try {
    return judged(await integrity, walked);
  } catch (error) {
    return unreadable(error);
  }
}

const NOTHING_YET: CopyVerdict = { verified: false, problem: null, failed: null, deviceId: null, schemaVersion: 0, counts: null, head: null };

function unreadable(error: unknown): CopyVerdict {
  return { ...NOTHING_YET, failed: 'file', problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
}

/** A file SQLite finds damaged fails as a file, whatever the walk over it said; a whole file stands on its walk. */
function judged(integrity: string | null, walked: CopyVerdict): CopyVerdict {
  return integrity === null ? walked : { ...NOTHING_YET, failed: 'file', problem: `integrity check: ${integrity}` };
}

/** The chain walked through its head and what the copy holds counted; verified unless the walk failed. */
function walkCopy(path: string, nativeBinding: string | null, between?: () => void): CopyVerdict {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = openCopy(path, nativeBinding);
    const verdict: CopyVerdict = { ...NOTHING_YET };
    verdict.schemaVersion = db.prepare<[], number>('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() ?? 0;
    verdict.deviceId = db.prepare<[], string>('SELECT id FROM device').pluck().get() ?? null;
    const count = (table: string): number => db?.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    let through: { seq: number; hash: string } | null = null;
    let ownEvents = 0;
    if (verdict.deviceId !== null) {
      const { chain, through: head } = walkOwnChain(db, verdict.deviceId, between);
      if (!chain.intact) return { ...verdict, failed: 'chain', problem: `event chain broken at seq ${chain.brokenAtSeq} (${chain.events} events before it are whole)` };
      ownEvents = chain.events;
      through = head;
    }
    verdict.counts = { events: count('attendance_events'), ownEvents, children: count('children'), companions: count('companions'), groups: count('groups') };
    verdict.head = through;
    return { ...verdict, verified: true };
  } catch (error) {
    return unreadable(error);
  } finally {
    db?.close();
  }
}

export interface CopyToCheck {
  path: string;
  file: string;
  kind: BackupCopy['kind'];
  takenMs: number;
  migration: BackupCopy['migration'];
  copyMs: number;
  nativeBinding: string | null;
  /** The door a job made beside it waits for (door-quiet.ts), and this thread's waits for it; absent: no waits. */
  door?: { request: DoorRequest; between: () => void };
}

/** What a copy just taken is: verified (or why not) and its manifest, checked in this thread (the copy before a migration). */
export function checkCopy(input: CopyToCheck): { verdict: CopyVerdict; copy: BackupCopy } {
  const started = performance.now();
  const verdict = verifyCopy(input.path, input.nativeBinding);
  return { verdict, copy: manifestOf(input, verdict, started) };
}

/** checkCopy with the integrity check in a second thread running `script` (the backup worker's), beside the walk here. */
export async function checkCopyBeside(input: CopyToCheck, script: string | null): Promise<{ verdict: CopyVerdict; copy: BackupCopy }> {
  const started = performance.now();
  const verdict = await verifyCopyBeside(
    input.path,
    input.nativeBinding,
    integrityBeside(script, input.path, input.nativeBinding, input.door?.request),
    input.door?.between,
  );
  return { verdict, copy: manifestOf(input, verdict, started) };
}

function manifestOf(input: CopyToCheck, verdict: CopyVerdict, started: number): BackupCopy {
  return {
    file: input.file,
    kind: input.kind,
    takenAt: new Date(input.takenMs).toISOString(),
    takenMs: input.takenMs,
    bytes: statSync(input.path).size,
    schemaVersion: verdict.schemaVersion,
    deviceId: verdict.deviceId,
    counts: verdict.counts,
    head: verdict.head,
    verified: verdict.verified,
    problem: verdict.problem,
    migration: input.migration,
    copyMs: Math.round(input.copyMs),
    verifyMs: Math.round(performance.now() - started),
  };
}
