// How hard a peer catch-up may work (docs/peers.md §5 "Out of the tap's way"): the door's tap must stay within a blink
// while a peer's records are taken in, and both connections write the same file. While people are at the door (the
// core marks DoorActivity as each scan, confirmation or staff act begins, and the worker reads the shared buffer),
// pages are asked 100 records at a time, each taken in as one short transaction started only in a pause of the door
// (no use begun for 50 ms: a tap's own transaction is over by then, so neither waits for the other's lock, and SQLite's
// busy wait, which sleeps in growing steps, is not met), with a rest after each of nine times as long as it took (at
// most a second): about a tenth of the time at work, so 10,000 records still arrive within a minute or so. Once the
// door has been quiet for the push's quiet period, 1000 at a time, no pause sought and no rest.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DoorActivity } from '../pacing/door-activity.js';
import { DOOR_PACING_DEFAULTS, DoorAwarePacing, FULL_SPEED, type DoorAwarePacingOptions, type PushPacing } from '../pacing/push-pacing.js';

export const CATCH_UP_PACING = { ...DOOR_PACING_DEFAULTS, busyBatchSize: 100, busyShare: 0.1, maxRestMs: 1_000, pauseMs: 50, pauseWaitMaxMs: 1_000 } as const;

/** The push's pacing, and a pause of the door to write in. */
export interface CatchUpPacing extends PushPacing {
  /** Resolves once the door has not been used for a moment (at once while it is quiet), or after a bounded wait. */
  doorPause(): Promise<void>;
}

export const CATCH_UP_FULL_SPEED: CatchUpPacing = { ...FULL_SPEED, doorPause: () => Promise.resolve() };

/** How often a wait for the door's pause looks again. */
const PAUSE_POLL_MS = 10;

export function catchUpPacing(door: DoorActivity, options: Pick<DoorAwarePacingOptions, 'now' | 'sleep'> = {}): CatchUpPacing {
  const { pauseMs, pauseWaitMaxMs, ...pushOptions } = CATCH_UP_PACING;
  const paced = new DoorAwarePacing(door, { ...pushOptions, ...options });
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? ((ms: number) => sleep(ms));
  return {
    doorInUse: () => paced.doorInUse(),
    batchSize: (fullSpeed) => paced.batchSize(fullSpeed),
    rest: (exchangeMs) => paced.rest(exchangeMs),
    async doorPause() {
      // Bounded in steps, not only in time: a clock handed in by a test need not move.
      for (let waited = 0; waited < pauseWaitMaxMs; waited += PAUSE_POLL_MS) {
        const last = door.lastUseMs();
        const since = last === null ? Infinity : now() - last;
        // A use "in the future" (the clock was set back) does not hold the catch-up.
        if (since < 0 || since >= pauseMs) return;
        await wait(Math.min(PAUSE_POLL_MS, pauseMs - since));
      }
    },
  };
}
