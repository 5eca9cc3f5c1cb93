// The push giving way to the door: the engine, paced by door activity, against the reference city server.
import { describe, expect, it, onTestFinished } from 'vitest';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { DoorActivity } from '../../electron/core/sync/door-activity.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { DOOR_PACING_DEFAULTS, DoorAwarePacing } from '../../electron/core/sync/push-pacing.js';
import { enroll, enrolledKioskDb, recordEvents, startCity } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');

/** The real client, watched: how many records each push carried, and how many pushes were out at once. */
function watchedClient(serverUrl: string, token: string) {
  const client = new CityClient({ serverUrl, token });
  onTestFinished(() => client.close());
  const sizes: number[] = [];
  let out = 0;
  let mostAtOnce = 0;
  const watched: Pick<CityClient, 'push' | 'missing' | 'hello'> = {
    push: async (request) => {
      sizes.push(request.records.length);
      out += 1;
      mostAtOnce = Math.max(mostAtOnce, out);
      try {
        return await client.push(request);
      } finally {
        out -= 1;
      }
    },
    missing: (ids) => client.missing(ids),
    hello: () => client.hello(),
  };
  return { client: watched, sizes, mostAtOnce: () => mostAtOnce };
}

describe('the push while the door is in use', () => {
  it('goes in small batches, one at a time, resting after each, and still delivers every record', async () => {
    const city = await startCity();
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    const ids = recordEvents(kiosk.log, 450, MORNING);
    const door = new DoorActivity();
    const rests: number[] = [];
    const pacing = new DoorAwarePacing(door, { sleep: (ms) => Promise.resolve(void rests.push(ms)) });
    const watched = watchedClient(city.url, enrollment.token);
    const engine = new PushEngine({ db: kiosk.db, client: watched.client, cityDeviceId: enrollment.deviceId, pacing });

    door.markUse(); // a grandmother taps her card
    expect(await engine.drain()).toEqual({ batches: 3, sent: 450, rejected: 0 });
    expect(watched.sizes).toEqual([DOOR_PACING_DEFAULTS.busyBatchSize, DOOR_PACING_DEFAULTS.busyBatchSize, 50]);
    expect(watched.mostAtOnce()).toBe(1);
    expect(rests).toHaveLength(3);
    for (const rest of rests) expect(rest).toBeGreaterThan(0);
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
    expect(engine.outbox.pendingCount()).toBe(0);
  });

  it('goes at full speed, two pushes out at once, when nobody has used the door', async () => {
    const city = await startCity();
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    const ids = recordEvents(kiosk.log, 2_500, MORNING);
    const rests: number[] = [];
    const pacing = new DoorAwarePacing(new DoorActivity(), { sleep: (ms) => Promise.resolve(void rests.push(ms)) });
    const watched = watchedClient(city.url, enrollment.token);
    const engine = new PushEngine({ db: kiosk.db, client: watched.client, cityDeviceId: enrollment.deviceId, pacing });

    expect(await engine.drain()).toEqual({ batches: 3, sent: 2_500, rejected: 0 });
    expect(watched.sizes).toEqual([1_000, 1_000, 500]);
    expect(watched.mostAtOnce()).toBe(2);
    expect(rests).toEqual([]);
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
  });
});
