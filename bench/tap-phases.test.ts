// The backup bench's taps sorted by phase: per-phase percentiles, and the slowest tenth's time taken apart.
import { describe, expect, it } from 'vitest';
import type { TapTiming } from './core-taps.js';
import { phaseLine, summarisePhases } from './tap-phases.js';

const tap = (phase: string, ms: number, parts: Partial<TapTiming> = {}): TapTiming => ({ ms, waitMs: 0, handledMs: ms, cpuMs: ms, runQueueMs: 0, phase, ...parts });

describe('taps by backup phase', () => {
  it('gives each phase its own percentiles and takes its slowest tenth apart', () => {
    const idle = Array.from({ length: 20 }, (_, i) => tap('idle', 1 + i / 100));
    // Three copy taps (the slowest tenth and more) blocked on the disk for 8 ms of their 10.
    const copy = [...Array.from({ length: 17 }, () => tap('copy', 2)), ...Array.from({ length: 3 }, () => tap('copy', 10, { waitMs: 1, handledMs: 9, cpuMs: 0.5, runQueueMs: 0.5 }))];
    const [first, second] = summarisePhases([...idle, ...copy]);
    expect(first).toMatchObject({ phase: 'idle', count: 20, p50: 1.09, p95: 1.18 });
    expect(second).toMatchObject({ phase: 'copy', count: 20, p50: 2, p95: 10, slow: { count: 3, ms: 10, waitMs: 1, cpuMs: 0.5, runQueueMs: 0.5, blockedMs: 8 } });
    expect(second?.all.blockedMs).toBeCloseTo(1.2, 9);
    expect(second && phaseLine(second)).toContain('blocked 8.00');
  });

  it('says "?" where the kernel gave no scheduler counters', () => {
    const [summary] = summarisePhases([tap('verify', 3, { cpuMs: null, runQueueMs: null })]);
    expect(summary?.slow).toMatchObject({ cpuMs: null, runQueueMs: null, blockedMs: null });
    expect(summary && phaseLine(summary)).toContain('cpu ? + run queue ? + blocked ?');
  });
});
