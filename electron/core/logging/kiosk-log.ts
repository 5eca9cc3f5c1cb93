// The kiosk's structured log: pino writing JSON lines into <dataDir>/logs/ (rotating-log-file.ts), one per process that
// holds a core (the Electron main process or the web host). The sync worker's lines reach it through its host and the
// full check's outcome through the core, so one file tells the whole story in order. In development every line is also
// printed, so nothing is hidden from whoever runs `npm start`.
import { pino, type Logger } from 'pino';
import { parseLogLine } from './log-line.js';
import { REDACT_PATHS, REDACTED } from './redaction.js';
import { logFolderOf, RotatingLogFile } from './rotating-log-file.js';

export interface KioskLogOptions {
  dataDir: string;
  /** Which shell writes: 'main' (Electron) or 'web' (the web host). */
  proc: 'main' | 'web';
  /** Print every line on stdout too (development). */
  echo: boolean;
  now?: () => number;
  maxFileBytes?: number;
}

export interface KioskLog {
  readonly logger: Logger;
  /** The log folder. */
  readonly dir: string;
  /** For code that logs "[component] text" lines: each becomes a structured line with its component and level. */
  readonly line: (text: string) => void;
  close(): void;
}

export function openKioskLog(options: KioskLogOptions): KioskLog {
  const dir = logFolderOf(options.dataDir);
  const file = new RotatingLogFile({ dir, ...(options.now ? { now: options.now } : {}), ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}) });
  const destination = {
    write(line: string): void {
      file.write(line);
      if (options.echo) echo(line);
    },
  };
  const now = options.now;
  const logger = pino(
    {
      base: { proc: options.proc, pid: process.pid },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      timestamp: now ? () => `,"time":"${new Date(now()).toISOString()}"` : pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
  const line = (text: string): void => {
    const parsed = parseLogLine(text);
    logger[parsed.level](parsed.component ? { component: parsed.component } : {}, parsed.msg);
  };
  return { logger, dir, line, close: () => file.close() };
}

/** Logs an exception nothing caught before the process ends on it (the line is on disk: each write is synchronous). */
export function logUncaught(log: KioskLog): void {
  process.on('uncaughtExceptionMonitor', (error, origin) => log.logger.fatal({ component: 'process', err: error, origin }, 'the process is ending on an uncaught exception'));
}

function echo(line: string): void {
  try {
    const entry = JSON.parse(line) as { level?: number; component?: string; msg?: string; err?: { stack?: string } };
    const text = `${entry.component ? `[${entry.component}] ` : ''}${entry.msg ?? ''}${entry.err?.stack ? `\n${entry.err.stack}` : ''}\n`;
    (entry.level !== undefined && entry.level >= 50 ? process.stderr : process.stdout).write(text);
  } catch {
    process.stdout.write(line);
  }
}
