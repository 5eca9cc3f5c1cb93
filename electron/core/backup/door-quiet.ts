// When the door last acted, shared between the door's thread and a backup's threads (one SharedArrayBuffer, read and
// written with Atomics: no message waits for either thread's event loop). A backup goes on only once the door has been
// quiet for a while, and waits between its steps while people are at it.
// Why: measured on a two-core kiosk, a tap answered while a backup runs beside it took about twice as long at the 95th
// percentile, whichever part of the job ran (the copy's writes and syncs, the check's reads, the rename and pruning)
// and however the job was paced or prioritised (smaller steps, one verifying thread, the idle I/O class). The only
// thing that leaves the door's time alone is not running beside it. An hourly copy loses nothing by waiting for a lull
// of a few seconds; it never waits longer than its budget in all, so a door busy all morning still gets its copy.

import { isMainThread } from 'node:worker_threads';
import { z } from 'zod';

/** Quiet this long after the door's last act before a backup step runs. Longer than a rush's gap between two taps at
 * one reader is not needed: the step that runs in a gap is short, and a tap arriving during it meets only that step. */
export const DOOR_QUIET_MS = 3_000;
/** A job never waits for the door longer than this in all; after that it runs to its end. */
export const DOOR_WAIT_BUDGET_MS = 15 * 60_000;
/** How often a waiting backup looks again. */
const LOOK_EVERY_MS = 50;

export class DoorQuiet {
  private readonly lastAct: BigInt64Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT)) {
    if (buffer.byteLength < BigInt64Array.BYTES_PER_ELEMENT) throw new Error('a door-quiet buffer needs 8 bytes');
    this.lastAct = new BigInt64Array(buffer, 0, 1);
  }

  /** The door acted now (a tap, a scan, a choice): called in the door's thread, costs one atomic store. */
  doorActed(nowMs: number = Date.now()): void {
    Atomics.store(this.lastAct, 0, BigInt(Math.round(nowMs)));
  }

  /** Milliseconds since the door last acted (Infinity: never). */
  quietForMs(nowMs: number = Date.now()): number {
    const last = Number(Atomics.load(this.lastAct, 0));
    return last === 0 ? Number.POSITIVE_INFINITY : nowMs - last;
  }
}

/** One backup job's waits for the door, with the job's budget: made in the thread that runs the job's steps. */
export class DoorWaits {
  private waited = 0;
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly door: DoorQuiet,
    private readonly quietMs = DOOR_QUIET_MS,
    private readonly budgetMs = DOOR_WAIT_BUDGET_MS,
  ) {}

  /** All this job waited, in ms (reported with its outcome). */
  totalMs(): number {
    return this.waited;
  }

  /**
   * Blocks this thread (a backup's worker thread, never the door's) until the door has been quiet for the quiet time,
   * or until the job's waits have used its budget. Answers the ms waited now.
   */
  untilQuiet(): number {
    const started = Date.now();
    for (let now = started; this.door.quietForMs(now) < this.quietMs && this.waited + (now - started) < this.budgetMs; now = Date.now()) {
      Atomics.wait(this.sleeper, 0, 0, Math.max(1, Math.min(LOOK_EVERY_MS, this.quietMs - this.door.quietForMs(now))));
    }
    const waited = Date.now() - started;
    this.waited += waited;
    return waited;
  }
}

/** How often the door's own thread looks, while a job waits to begin: a timer, never a block. */
const LOOK_BEFORE_START_MS = 500;

export interface DoorWaitBeforeStart {
  /** The ms waited, once the door has been quiet for the quiet time or the budget is spent. */
  readonly done: Promise<number>;
  /** Stops waiting (the kiosk closing); `done` then never settles. */
  cancel(): void;
}

/**
 * The first wait of a job, in the door's own thread, before its worker thread exists: a busy morning can hold a backup
 * back for its whole budget, and a worker thread made at once would keep its memory (about 15 MB of a loaded module
 * graph and SQLite) through all of it for nothing. Timers only: the door's thread is never blocked.
 */
export function waitBeforeStart(door: DoorQuiet, quietMs: number, budgetMs: number, now: () => number = Date.now): DoorWaitBeforeStart {
  const started = now();
  let timer: NodeJS.Timeout | null = null;
  let cancelled = false;
  const done = new Promise<number>((resolve) => {
    const look = (): void => {
      if (cancelled) return;
      const at = now();
      const quietFor = door.quietForMs(at);
      if (quietFor >= quietMs || at - started >= budgetMs) return resolve(at - started);
      timer = setTimeout(look, Math.max(1, Math.min(LOOK_BEFORE_START_MS, quietMs - quietFor, budgetMs - (at - started))));
    };
    look();
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** What a backup job is handed of the door (crosses into its worker threads, so checked there). */
export const DoorRequestSchema = z.object({
  buffer: z.instanceof(SharedArrayBuffer),
  quietMs: z.number().int().min(0),
  budgetMs: z.number().int().min(0),
});
export type DoorRequest = z.infer<typeof DoorRequestSchema>;

/** The request for a job of this door's, with the default quiet time and budget. */
export function doorRequest(door: DoorQuiet, quietMs = DOOR_QUIET_MS, budgetMs = DOOR_WAIT_BUDGET_MS): DoorRequest {
  return { buffer: door.buffer, quietMs, budgetMs };
}

/**
 * The job's waits in this thread: none in the door's own thread (a job run in line, tests), which must never block,
 * nor without a door.
 */
export function doorWaitsFor(request: DoorRequest | undefined): DoorWaits | null {
  if (!request || isMainThread) return null;
  return new DoorWaits(new DoorQuiet(request.buffer), request.quietMs, request.budgetMs);
}
