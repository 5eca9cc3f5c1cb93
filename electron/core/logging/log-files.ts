// The log folder's file names and what is kept: one file a UTC day (`esik-2026-12-03.log`, then `esik-2026-12-03.1.log`
// … once a day's file passes its size), kept 30 days, and never more than a total size, oldest removed first.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FOLDER = 'logs';
export const KEEP_DAYS = 30;
/** A day's file past this starts the next numbered file of the day. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** All the files together: a flood of lines cannot fill the disk the records are on. */
export const MAX_TOTAL_BYTES = 300 * 1024 * 1024;

const DAY_MS = 24 * 60 * 60 * 1000;
const LOG_FILE = /^esik-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.log$/;

export interface LogFileName {
  name: string;
  day: string;
  part: number;
}

/** "2026-12-03": file names and times inside are both UTC, so the two never disagree. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first moment of the UTC day after `ms`. */
export function nextUtcDay(ms: number): number {
  return (Math.floor(ms / DAY_MS) + 1) * DAY_MS;
}

export function logFileName(day: string, part: number): string {
  return part === 0 ? `esik-${day}.log` : `esik-${day}.${part}.log`;
}

export function parseLogFileName(name: string): LogFileName | null {
  const match = LOG_FILE.exec(name);
  if (!match?.[1]) return null;
  return { name, day: match[1], part: match[2] ? Number(match[2]) : 0 };
}

/** The kiosk's log files in `dir`, oldest first. */
export function listLogFiles(dir: string): LogFileName[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map(parseLogFileName)
    .filter((file): file is LogFileName => file !== null)
    .sort((a, b) => (a.day === b.day ? a.part - b.part : a.day < b.day ? -1 : 1));
}

/**
 * Removes files older than KEEP_DAYS, then the oldest until the rest fit MAX_TOTAL_BYTES; `current` (being written)
 * is never removed. Returns the names removed. A file that cannot be removed is left for the next try.
 */
export function pruneLogFiles(dir: string, nowMs: number, current: string | null, limits = { keepDays: KEEP_DAYS, maxTotalBytes: MAX_TOTAL_BYTES }): string[] {
  const oldestKept = utcDay(nowMs - (limits.keepDays - 1) * DAY_MS);
  const files = listLogFiles(dir).map((file) => ({ ...file, bytes: sizeOf(join(dir, file.name)) }));
  let total = files.reduce((sum, file) => sum + file.bytes, 0);
  const removed: string[] = [];
  for (const file of files) {
    if (file.name === current) continue;
    if (file.day >= oldestKept && total <= limits.maxTotalBytes) break;
    try {
      unlinkSync(join(dir, file.name));
      removed.push(file.name);
      total -= file.bytes;
    } catch {
      // Open elsewhere (Windows) or already gone: the next roll tries again.
    }
  }
  return removed;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
