// Proves a copy good before it counts: opened read-only, SQLite's integrity check over every page and index, then this
// kiosk's event chain walked from its first event through its head with the ledger's own chain code. Also counts what
// the copy holds, for its manifest. Synchronous and heavy (seconds for a million events): run it off the door's thread.
import BetterSqlite3 from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { BackupCopy, BackupCounts } from '../../../shared/admin/backup-contract.js';
import { integrityProblems, walkOwnChain } from '../ledger/chain-audit.js';

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

export function verifyCopy(path: string, nativeBinding: string | null): CopyVerdict {
  const verdict: CopyVerdict = { verified: false, problem: null, failed: null, deviceId: null, schemaVersion: 0, counts: null, head: null };
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const problems = integrityProblems(db);
    if (problems) return { ...verdict, failed: 'file', problem: `integrity check: ${problems}` };
    verdict.schemaVersion = db.prepare<[], number>('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() ?? 0;
    verdict.deviceId = db.prepare<[], string>('SELECT id FROM device').pluck().get() ?? null;
    const count = (table: string): number => db?.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    let through: { seq: number; hash: string } | null = null;
    let ownEvents = 0;
    if (verdict.deviceId !== null) {
      const { chain, through: head } = walkOwnChain(db, verdict.deviceId);
      if (!chain.intact) return { ...verdict, failed: 'chain', problem: `event chain broken at seq ${chain.brokenAtSeq} (${chain.events} events before it are whole)` };
      ownEvents = chain.events;
      through = head;
    }
    verdict.counts = { events: count('attendance_events'), ownEvents, children: count('children'), companions: count('companions'), groups: count('groups') };
    verdict.head = through;
    return { ...verdict, verified: true };
  } catch (error) {
    return { ...verdict, failed: 'file', problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    db?.close();
  }
}

/** What a copy just taken is: verified (or why not) and its manifest, for whichever kind of copy took it. */
export function checkCopy(input: {
  path: string;
  file: string;
  kind: BackupCopy['kind'];
  takenMs: number;
  migration: BackupCopy['migration'];
  copyMs: number;
  nativeBinding: string | null;
}): { verdict: CopyVerdict; copy: BackupCopy } {
  const started = performance.now();
  const verdict = verifyCopy(input.path, input.nativeBinding);
  const copy: BackupCopy = {
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
  return { verdict, copy };
}
