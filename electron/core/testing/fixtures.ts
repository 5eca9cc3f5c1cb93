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

/** Almaty time (UTC+5) starting at the given instant. */
export function manualClock(startIso: string): ManualClock {
  let current = new Date(startIso).getTime();
  return {
    offsetMinutes: 300,
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
