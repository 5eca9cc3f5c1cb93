// Taps sorted by what a backup was doing when each was taken up (idle, the copy, the verification…), and where the
// slow ones' time went: waiting for the core's thread, on a CPU, waiting for a CPU, or blocked (the disk). Phases
// compared within one run say which part of a backup costs the door, however loaded the machine is.
import type { TapTiming } from './core-taps.js';
import { percentile } from './stats.js';

export interface PhaseSummary {
  phase: string;
  count: number;
  p50: number;
  p95: number;
  /** Means over all the phase's taps: what a phase costs every tap, not only the unlucky ones. */
  all: TimeParts;
  /** Means over the phase's slowest tenth (its taps at or above its 90th percentile): where a slow tap's time went. */
  slow: TimeParts;
}

export interface TimeParts {
  count: number;
  ms: number;
  waitMs: number;
  cpuMs: number | null;
  runQueueMs: number | null;
  blockedMs: number | null;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

/** One summary per phase, in the order the phases first appear. */
export function summarisePhases(taps: readonly TapTiming[]): PhaseSummary[] {
  const phases = [...new Set(taps.map((t) => t.phase))];
  return phases.map((phase) => {
    const own = taps.filter((t) => t.phase === phase);
    const times = own.map((t) => t.ms);
    const p90 = percentile(times, 90);
    return { phase, count: own.length, p50: percentile(times, 50), p95: percentile(times, 95), all: partsOf(own), slow: partsOf(own.filter((t) => t.ms >= p90)) };
  });
}

function partsOf(taps: readonly TapTiming[]): TimeParts {
  const known = taps.every((t) => t.cpuMs !== null && t.runQueueMs !== null);
  return {
    count: taps.length,
    ms: mean(taps.map((t) => t.ms)),
    waitMs: mean(taps.map((t) => t.waitMs)),
    cpuMs: known ? mean(taps.map((t) => t.cpuMs ?? 0)) : null,
    runQueueMs: known ? mean(taps.map((t) => t.runQueueMs ?? 0)) : null,
    blockedMs: known ? mean(taps.map((t) => t.handledMs - (t.cpuMs ?? 0) - (t.runQueueMs ?? 0))) : null,
  };
}

const ms = (value: number | null): string => (value === null ? '?' : value.toFixed(2));

/** A line a person reads (not a BENCH figure). */
export function phaseLine(s: PhaseSummary): string {
  const parts = (t: TimeParts): string => `${ms(t.ms)} ms = wait ${ms(t.waitMs)} + cpu ${ms(t.cpuMs)} + run queue ${ms(t.runQueueMs)} + blocked ${ms(t.blockedMs)}`;
  return `taps in ${s.phase}: ${s.count}, p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms; mean ${parts(s.all)}; slowest tenth (${s.slow.count}) ${parts(s.slow)}`;
}
