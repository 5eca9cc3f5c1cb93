// The shells' side of start-attempts.ts: a start is noted, an error that ends the process is kept as the last one,
// and the count is cleared once the door has been up for a minute or the process ends cleanly. Both shells call guardStart before the core.
import { beginStart, clearStarts, CRASH_LOOP_LIMITS, startFailed, type CrashLoopLimits, type StartVerdict } from './start-attempts.js';

export interface GuardOptions {
  dataDir: string;
  log: (line: string) => void;
  now?: () => number;
  limits?: CrashLoopLimits;
}

/**
 * Decides whether this start goes ahead. On 'start' it also watches it: the error that ends the process is noted
 * (uncaughtExceptionMonitor leaves Node's own handling as it is), and the count is cleared after limits.upForMs.
 */
export function guardStart(options: GuardOptions): StartVerdict {
  const limits = options.limits ?? CRASH_LOOP_LIMITS;
  let verdict: StartVerdict;
  try {
    verdict = beginStart(options.dataDir, (options.now ?? Date.now)(), limits);
  } catch (error) {
    // The count cannot be kept (an unwritable folder): start anyway; the core says what is wrong with the folder.
    options.log(`[start] the start count cannot be kept: ${error instanceof Error ? error.message : String(error)}`);
    return { kind: 'start' };
  }
  if (verdict.kind === 'recover') {
    options.log(`[start] CRASH LOOP: ${verdict.failedStarts} starts failed since ${new Date(verdict.sinceMs).toISOString()}; showing the recovery screen instead of starting again (last error: ${verdict.lastError ?? 'unknown'})`);
    return verdict;
  }
  const noteFailure = (error: unknown): void => {
    try {
      startFailed(options.dataDir, error);
    } catch {
      // Nothing more can be done on the way out; the log has the error (logUncaught).
    }
  };
  const clear = (): void => {
    process.off('uncaughtExceptionMonitor', noteFailure);
    process.off('exit', cleanExit);
    clearTimeout(up);
    try {
      clearStarts(options.dataDir);
    } catch (error) {
      options.log(`[start] the start count cannot be cleared: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // Stopped on purpose (SIGTERM, the window closed) before the minute was up: that start did not fail.
  const cleanExit = (code: number): void => {
    if (code === 0) clear();
  };
  process.on('uncaughtExceptionMonitor', noteFailure);
  process.on('exit', cleanExit);
  const up = setTimeout(clear, limits.upForMs);
  up.unref();
  return verdict;
}
