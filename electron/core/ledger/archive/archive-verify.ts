// Proves an archive file: SQLite's integrity check and this device's chain segment in it, walked from the hash the
// segment chains on from to the head the boundary names (in the full check's worker when there is one), and its sha256
// against the one recorded. A changed row anywhere in the segment breaks the walk; a changed byte anywhere the hash.
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { runAudit } from '../chain-audit-runner.js';
import { GENESIS_HASH } from '../event-chain.js';
import { chainStartOf } from './archive-boundaries.js';

export interface ExpectedSegment {
  deviceId: string;
  firstSeq: number;
  lastSeq: number;
  startHash: string;
  headHash: string;
  /** The file's recorded sha256; null while the file is being written (it is recorded once proven). */
  sha256: string | null;
}

export type ArchiveVerdict = { verified: true; sha256: string } | { verified: false; problem: string };

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Where the file's own chain segment starts (its copy of the earlier boundaries), read on this thread: one row. */
function segmentStart(path: string, deviceId: string, nativeBinding: string | null): { seq: number; hash: string } {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return chainStartOf(db, deviceId) ?? { seq: 0, hash: GENESIS_HASH };
  } finally {
    db.close();
  }
}

export async function verifyArchiveFile(
  path: string,
  expected: ExpectedSegment,
  options: { nativeBinding: string | null; workerScript: string | URL | null },
): Promise<ArchiveVerdict> {
  try {
    const sha256 = await sha256OfFile(path);
    if (expected.sha256 !== null && sha256 !== expected.sha256) return { verified: false, problem: `sha256 ${sha256} is not the recorded ${expected.sha256}` };
    const start = segmentStart(path, expected.deviceId, options.nativeBinding);
    if (start.seq !== expected.firstSeq - 1 || start.hash !== expected.startHash) {
      return { verified: false, problem: `the segment starts after seq ${start.seq}, not after ${expected.firstSeq - 1} with the boundary's hash` };
    }
    const outcome = await runAudit({ databasePath: path, deviceId: expected.deviceId, nativeBinding: options.nativeBinding }, options.workerScript).outcome;
    if (outcome.kind !== 'checked') return { verified: false, problem: `${outcome.kind}: ${outcome.detail}` };
    if (!outcome.chain.intact) return { verified: false, problem: `event chain broken at seq ${outcome.chain.brokenAtSeq}` };
    const through = outcome.through ?? { seq: start.seq, hash: start.hash };
    if (through.seq !== expected.lastSeq || through.hash !== expected.headHash) {
      return { verified: false, problem: `the segment ends at seq ${through.seq}, not at ${expected.lastSeq} with the boundary's head hash` };
    }
    return { verified: true, sha256 };
  } catch (error) {
    return { verified: false, problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
