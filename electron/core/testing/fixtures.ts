// Test fixtures: a fresh data folder per test and a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Clock } from '../time/clock.js';

export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esik-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface ManualClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

/**
 * Almaty time (a fixed UTC+5) starting at the given instant; or, given an IANA zone, that zone's time with its offset at
 * each instant (as the kiosk tells it from the kindergarten's setting: Almaty was +6 until 1 March 2024).
 */
export function manualClock(startIso: string, zone?: string): ManualClock {
  let current = new Date(startIso).getTime();
  return {
    ...(zone === undefined ? { offsetMinutes: 300 } : { timeZone: () => zone }),
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
