// The push giving way to the door: the engine, paced by door activity, against the reference city server.
import { describe, expect, it, onTestFinished } from 'vitest';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { DoorActivity } from '../../electron/core/sync/door-activity.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { SyncError } from '../../electron/core/sync/sync-error.js';
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
  it('goes in small batches, one at a time, resting between them, and still delivers every record', async () => {
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
    // A rest between two exchanges, none after the last.
    expect(rests).toHaveLength(2);
    for (const rest of rests) expect(rest).toBeGreaterThan(0);
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
    expect(engine.outbox.pendingCount()).toBe(0);
  });

  it('settles the second push, sent beside a failed one, when the door comes into use meanwhile', async () => {
    const city = await startCity();
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    recordEvents(kiosk.log, 1_500, MORNING);
    const door = new DoorActivity();
    const pacing = new DoorAwarePacing(door, { sleep: () => Promise.resolve() });
    const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
    onTestFinished(() => client.close());
    let pushes = 0;
    const flaky: Pick<CityClient, 'push' | 'missing' | 'hello'> = {
      push: async (request) => {
        pushes += 1;
        if (pushes === 1) {
          // The first push (door quiet: 1,000 records) waits until the second is out, then fails…
          await new Promise((resolve) => setTimeout(resolve, 50));
          throw new SyncError('SYNC_NETWORK', 'connection reset');
        }
        // …and a grandmother taps while the second is still being answered.
        door.markUse();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return client.push(request);
      },
      missing: (ids) => client.missing(ids),
      hello: () => client.hello(),
    };
    const engine = new PushEngine({ db: kiosk.db, client: flaky, cityDeviceId: enrollment.deviceId, pacing });
    const error: unknown = await engine.drain().catch((e: unknown) => e);
    expect((error as SyncError).code).toBe('SYNC_NETWORK');
    expect(pushes).toBe(2);
    // The second batch (500) is settled before drain reports the failure; the first stays pending.
    expect(city.recordCount()).toBe(500);
    expect(engine.outbox.pendingCount()).toBe(1_000);
  });

  it('stops a paced reconciliation between two pages, and the next one goes on from there', async () => {
    const city = await startCity();
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    recordEvents(kiosk.log, 700, MORNING);
    const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
    onTestFinished(() => client.close());
    await new PushEngine({ db: kiosk.db, client, cityDeviceId: enrollment.deviceId }).drain();

    const asked: number[] = [];
    const counting: Pick<CityClient, 'push' | 'missing' | 'hello'> = {
      push: (request) => client.push(request),
      missing: (ids) => {
        asked.push(ids.length);
        return client.missing(ids);
      },
      hello: () => client.hello(),
    };
    const door = new DoorActivity();
    door.markUse();
    const reconcileWhileDoorInUse = (stopping: () => boolean, onRest: () => void): Promise<number> => {
      const pacing = new DoorAwarePacing(door, { sleep: () => Promise.resolve(onRest()) });
      return new PushEngine({ db: kiosk.db, client: counting, cityDeviceId: enrollment.deviceId, pacing }).reconcile(stopping);
    };

    // Staff close the kiosk during the first rest: no second page is asked.
    let stopAsked = false;
    expect(await reconcileWhileDoorInUse(() => stopAsked, () => (stopAsked = true))).toBe(0);
    expect(asked).toEqual([DOOR_PACING_DEFAULTS.busyBatchSize]);

    // The next one starts at the second page, and its short last page ends it without a rest.
    let rests = 0;
    expect(await reconcileWhileDoorInUse(() => false, () => (rests += 1))).toBe(0);
    expect(asked).toEqual([200, 200, 200, 100]);
    expect(rests).toBe(2);
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
