import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DoorActivity } from './door-activity.js';
import { DOOR_PACING_DEFAULTS, DoorAwarePacing } from './push-pacing.js';

function pacingAt(startMs: number) {
  let nowMs = startMs;
  const rests: number[] = [];
  const door = new DoorActivity();
  const pacing = new DoorAwarePacing(door, {
    now: () => nowMs,
    sleep: (ms) => {
      rests.push(ms);
      return Promise.resolve();
    },
  });
  return { door, pacing, rests, advance: (ms: number) => (nowMs += ms), now: () => nowMs };
}

describe('door-aware push pacing', () => {
  it('pushes at full speed while nobody has used the door', async () => {
    const { pacing, rests } = pacingAt(Date.parse('2026-11-23T07:30:00+05:00'));
    expect(pacing.batchSize(1000)).toBe(1000);
    expect(pacing.doorInUse()).toBe(false);
    await pacing.rest(80);
    expect(rests).toEqual([]);
  });

  it('goes small and rests while the door is in use, and back to full speed once it is quiet', async () => {
    const { door, pacing, rests, advance, now } = pacingAt(Date.parse('2026-11-23T08:45:00+05:00'));
    door.markUse(now());
    advance(5_000);
    expect(pacing.batchSize(1000)).toBe(DOOR_PACING_DEFAULTS.busyBatchSize);
    expect(pacing.doorInUse()).toBe(true);
    await pacing.rest(10);
    // 10 ms of work may be 3 % of the time: about 323 ms of rest.
    expect(rests[0]).toBeCloseTo(10 * (1 / DOOR_PACING_DEFAULTS.busyShare - 1), 5);
    // A slow exchange does not stall the push for long.
    await pacing.rest(500);
    expect(rests[1]).toBe(DOOR_PACING_DEFAULTS.maxRestMs);

    advance(DOOR_PACING_DEFAULTS.quietAfterMs);
    expect(pacing.batchSize(1000)).toBe(1000);
    expect(pacing.doorInUse()).toBe(false);
  });

  it('takes a use stamped after now (the clock was set back) as stale, not as a door in use for hours', () => {
    const { door, pacing, now } = pacingAt(Date.parse('2026-11-23T08:45:00+05:00'));
    door.markUse(now() + 3_600_000);
    expect(pacing.doorInUse()).toBe(false);
  });

  it('sees a use marked on another thread through the shared buffer', async () => {
    const door = new DoorActivity();
    const pacing = new DoorAwarePacing(door);
    expect(door.lastUseMs()).toBeNull();
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       Atomics.store(new BigInt64Array(workerData), 0, BigInt(Date.now()));`,
      { eval: true, workerData: door.buffer },
    );
    await new Promise((resolve) => worker.once('exit', resolve));
    expect(pacing.doorInUse()).toBe(true);
  });
});
