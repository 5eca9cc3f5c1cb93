// SQLite's integrity check of a copy just taken, in a second thread beside the chain walk: the two read the same file
// for about as long each, so the verification takes the longer of them rather than their sum. Started by the backup
// worker on its own script (backup-worker.ts answers an integrity request instead of a job); anything that keeps the
// second thread from answering runs the check in the calling thread instead, so a copy is never proven by less.
import BetterSqlite3 from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { integrityProblems } from '../ledger/chain-audit.js';
import { DoorRequestSchema, doorWaitsFor, type DoorRequest } from './door-quiet.js';

export const IntegrityRequestSchema = z.object({ integrityOf: z.string(), nativeBinding: z.string().nullable(), door: DoorRequestSchema.optional() });
export type IntegrityRequest = z.infer<typeof IntegrityRequestSchema>;

const IntegrityAnswerSchema = z.union([z.object({ problems: z.string().nullable() }), z.object({ error: z.string() })]);
export type IntegrityAnswer = z.infer<typeof IntegrityAnswerSchema>;

/**
 * Pages the verifying connections may keep (KiB, SQLite's negative cache_size): the integrity check looks every row up
 * in each of the table's indexes, and with SQLite's default 2 MB the indexes' upper pages are read from the file again
 * and again (about a third of its time in system calls on a million events). Freed when the copy's check ends.
 */
export const VERIFY_CACHE_KIB = 16 * 1024;

/** A copy opened to be checked: read-only, with the larger cache. */
export function openCopy(path: string, nativeBinding: string | null): BetterSqlite3.Database {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma(`cache_size = -${VERIFY_CACHE_KIB}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The integrity check's problems (null: whole); throws when the file cannot be read at all. */
export function integrityOfCopy(path: string, nativeBinding: string | null): string | null {
  const db = openCopy(path, nativeBinding);
  try {
    return integrityProblems(db);
  } finally {
    db.close();
  }
}

/** What the second thread answers for one request. */
export function answerIntegrity(request: IntegrityRequest): IntegrityAnswer {
  // SQLite's check is one call that cannot pause: it starts only once the door is quiet.
  doorWaitsFor(request.door)?.untilQuiet();
  try {
    return { problems: integrityOfCopy(request.integrityOf, request.nativeBinding) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A worker script as `new Worker` takes it: a file: URL's text back to a URL, a path as it is. */
function scriptOf(script: string): string | URL {
  return script.startsWith('file:') ? new URL(script) : script;
}

/**
 * Starts the integrity check of `path` in a thread running `script` (the backup worker's own) and answers its problems;
 * when that thread cannot start, dies or answers nonsense, the check runs here once the caller's thread is free.
 */
export function integrityBeside(script: string | null, path: string, nativeBinding: string | null, door?: DoorRequest): Promise<string | null> {
  const here = (): string | null => integrityOfCopy(path, nativeBinding);
  if (script === null) return Promise.resolve().then(here);
  return new Promise<string | null>((resolve, reject) => {
    let settled = false;
    const settle = (answer: () => string | null): void => {
      if (settled) return;
      settled = true;
      try {
        resolve(answer());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    let worker: Worker;
    try {
      const request: IntegrityRequest = { integrityOf: path, nativeBinding, ...(door ? { door } : {}) };
      worker = new Worker(scriptOf(script), { workerData: request });
    } catch {
      settle(here);
      return;
    }
    worker.on('message', (raw: unknown) => {
      const answer = IntegrityAnswerSchema.safeParse(raw);
      if (!answer.success) return settle(here);
      const value = answer.data;
      if ('problems' in value) return settle(() => value.problems);
      settle(() => {
        throw new Error(value.error);
      });
    });
    worker.on('error', () => settle(here));
    worker.on('exit', () => settle(here));
  });
}
