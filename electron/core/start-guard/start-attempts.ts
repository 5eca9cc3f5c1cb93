// Counts the kiosk's starts in the data folder (start-attempts.json) so a crash loop ends on a recovery screen instead
// of endless restarts: every start adds its time, a start that kept the door up for a minute clears the list, so what
// is left are starts that never got that far. Too many of them in a short time and the next start does not try again.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write.js';

export const START_ATTEMPTS_FILE = 'start-attempts.json';

export interface CrashLoopLimits {
  /** This many failed starts… */
  attempts: number;
  /** …within this long end on the recovery screen. */
  windowMs: number;
  /** A start counts as good once the door has been up this long. */
  upForMs: number;
}

export const CRASH_LOOP_LIMITS: CrashLoopLimits = { attempts: 3, windowMs: 10 * 60_000, upForMs: 60_000 };

const AttemptsSchema = z.object({ starts: z.array(z.number().int()).max(100), lastError: z.string().max(500).nullable() }).strict();
type Attempts = z.infer<typeof AttemptsSchema>;

export type StartVerdict =
  | { kind: 'start' }
  /** Too many failed starts: show the recovery screen, do not start the core. */
  | { kind: 'recover'; failedStarts: number; sinceMs: number; lastError: string | null };

function pathIn(dataDir: string): string {
  return join(dataDir, START_ATTEMPTS_FILE);
}

function read(dataDir: string): Attempts {
  try {
    return AttemptsSchema.parse(JSON.parse(readFileSync(pathIn(dataDir), 'utf8')));
  } catch {
    // None yet, or damaged: no evidence of a loop, and a loop writes a fresh file at its next start.
    return { starts: [], lastError: null };
  }
}

function write(dataDir: string, attempts: Attempts): void {
  writeFileAtomic(pathIn(dataDir), JSON.stringify(attempts));
}

/** One line of an error, short enough for a screen. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * A start begins: answers 'recover' when the failed starts within the window have reached the limit (this start is
 * not counted then), or notes this start and answers 'start'.
 */
export function beginStart(dataDir: string, nowMs: number, limits: CrashLoopLimits = CRASH_LOOP_LIMITS): StartVerdict {
  const before = read(dataDir);
  const recent = before.starts.filter((ms) => ms <= nowMs && nowMs - ms <= limits.windowMs);
  if (recent.length >= limits.attempts) {
    return { kind: 'recover', failedStarts: recent.length, sinceMs: Math.min(...recent), lastError: before.lastError };
  }
  write(dataDir, { starts: [...recent, nowMs], lastError: before.lastError });
  return { kind: 'start' };
}

/** The start failed with this error: kept for the recovery screen. */
export function startFailed(dataDir: string, error: unknown): void {
  write(dataDir, { ...read(dataDir), lastError: oneLine(error) });
}

/** The door has been up long enough, or someone pressed "try again": the count starts over. */
export function clearStarts(dataDir: string): void {
  rmSync(pathIn(dataDir), { force: true });
}
