// Where pino's lines go: the day's file in the log folder, appended with one write per line, so a line logged just
// before a crash is on disk and nothing is buffered in memory. Rolls to a new file at the UTC day's end or past
// MAX_FILE_BYTES, pruning old files then. A write the disk refuses (full, read-only, gone) is dropped and counted,
// never thrown at the code that logged: the count is written as soon as a line goes through again.
import { closeSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { listLogFiles, LOG_FOLDER, logFileName, MAX_FILE_BYTES, nextUtcDay, pruneLogFiles, utcDay } from './log-files.js';

export interface RotatingLogFileOptions {
  dir: string;
  now?: () => number;
  maxFileBytes?: number;
}

export class RotatingLogFile {
  private fd: number | null = null;
  private current: string | null = null;
  private bytes = 0;
  private rollAtMs = 0;
  private dropped = 0;
  private readonly now: () => number;
  private readonly maxFileBytes: number;

  constructor(private readonly options: RotatingLogFileOptions) {
    this.now = options.now ?? Date.now;
    this.maxFileBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.open(this.now());
  }

  /** The file being written now (its name), null while none could be opened. */
  get file(): string | null {
    return this.current;
  }

  /** pino's destination: one JSON line. */
  write(line: string): void {
    const now = this.now();
    // With no file open (the folder unwritable), opening is tried again every 5 s, not at every line.
    if (now >= this.rollAtMs || (this.fd !== null && this.bytes >= this.maxFileBytes)) this.roll(now);
    if (this.fd === null) {
      this.dropped += 1;
      return;
    }
    try {
      if (this.dropped > 0) {
        this.append(`${JSON.stringify({ level: 40, time: new Date(now).toISOString(), component: 'logging', msg: `${this.dropped} log lines were lost while the disk refused writes` })}\n`);
        this.dropped = 0;
      }
      this.append(line);
    } catch {
      this.dropped += 1;
    }
  }

  close(): void {
    if (this.fd !== null) closeQuietly(this.fd);
    this.fd = null;
  }

  private append(text: string): void {
    if (this.fd === null) throw new Error('no log file open');
    this.bytes += writeSync(this.fd, text);
  }

  private roll(now: number): void {
    this.close();
    this.open(now);
  }

  private open(now: number): void {
    const day = utcDay(now);
    const todays = listLogFiles(this.options.dir).filter((file) => file.day === day);
    let part = todays.at(-1)?.part ?? 0;
    // The day's newest file is reused after a restart, until it is full.
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const name = logFileName(day, part);
        const fd = openSync(join(this.options.dir, name), 'a', 0o600);
        const size = fstatSync(fd).size;
        if (size < this.maxFileBytes || attempt === 1) {
          this.fd = fd;
          this.current = name;
          this.bytes = size;
          break;
        }
        closeQuietly(fd);
        part += 1;
      }
    } catch {
      this.fd = null;
      this.current = null;
    }
    // A closed kiosk never rolls, so what is old is pruned at each start as well as at each roll.
    this.rollAtMs = this.fd === null ? now + 5_000 : nextUtcDay(now);
    pruneLogFiles(this.options.dir, now, this.current);
  }
}

/** The log folder inside a data folder. */
export function logFolderOf(dataDir: string): string {
  return join(dataDir, LOG_FOLDER);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing more can be done with a descriptor that will not close.
  }
}
