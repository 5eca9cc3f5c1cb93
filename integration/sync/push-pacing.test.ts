// The push giving way to the door: the engine, paced by door activity, against the reference city server.
import { describe, expect, it, onTestFinished } from 'vitest';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { DoorActivity } from '../../electron/core/pacing/door-activity.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { DOOR_PACING_DEFAULTS, DoorAwarePacing } from '../../electron/core/pacing/push-pacing.js';
import { clientAround, enroll, enrolledKioskDb, recordEvents, startCity, type PushClient } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');

/** A city, an enrolled kiosk with `events` queued, a real client to it, and the door (unused so far). */
async function kioskWithQueue(events: number) {
  const city = await startCity();
  const enrollment = await enroll(city);
  const kiosk = enrolledKioskDb(enrollment);
  const ids = recordEvents(kiosk.log, events, MORNING);
  const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
  onTestFinished(() => client.close());
  const door = new DoorActivity();
  /** A push engine over `through`, paced by the door, its rests only counted. */
  const engine = (through: PushClient, onRest: (ms: number) => void = () => undefined): PushEngine =>
    new PushEngine({
      db: kiosk.db,
      client: through,
      cityDeviceId: enrollment.deviceId,
      pacing: new DoorAwarePacing(door, { sleep: (ms) => Promise.resolve(onRest(ms)) }),
    });
  return { city, ids, client, door, engine };
}

/** The real client, watched: how many records each push carried, and how many pushes were out at once. */
function watched(client: CityClient) {
  const sizes: number[] = [];
  let out = 0;
  let mostAtOnce = 0;
  const through = clientAround(client, {
    push: async (request) => {
      sizes.push(request.records.count);
      out += 1;
      mostAtOnce = Math.max(mostAtOnce, out);
      try {
        return await client.push(request);
      } finally {
        out -= 1;
      }
    },
  });
  return { through, sizes, mostAtOnce: () => mostAtOnce };
}

describe('the push while the door is in use', () => {
  it('goes in small batches, one at a time, resting between them, and still delivers every record', async () => {
    const { city, ids, client, door, engine } = await kioskWithQueue(450);
    const rests: number[] = [];
    const watch = watched(client);
    const pushing = engine(watch.through, (ms) => rests.push(ms));

    door.markUse(); // a grandmother taps her card
    expect(await pushing.drain()).toEqual({ batches: 3, sent: 450, rejected: 0 });
    expect(watch.sizes).toEqual([DOOR_PACING_DEFAULTS.busyBatchSize, DOOR_PACING_DEFAULTS.busyBatchSize, 50]);
    expect(watch.mostAtOnce()).toBe(1);
    // A rest between two exchanges, none after the last.
    expect(rests).toHaveLength(2);
    for (const rest of rests) expect(rest).toBeGreaterThan(0);
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
    expect(pushing.outbox.pendingCount()).toBe(0);
  });

  it('stops a paced reconciliation between two pages, and the next one goes on from there', async () => {
    const { client, door, engine } = await kioskWithQueue(700);
    await engine(client).drain(); // door quiet: all sent
    const asked: number[] = [];
    const counting = clientAround(client, {
      missing: (ids) => {
        asked.push(ids.length);
        return client.missing(ids);
      },
    });
    door.markUse();

    // Staff close the kiosk during the first rest: no second page is asked.
    let stopAsked = false;
    expect(await engine(counting, () => (stopAsked = true)).reconcile(() => stopAsked)).toBe(0);
    expect(asked).toEqual([DOOR_PACING_DEFAULTS.busyBatchSize]);

    // The next one starts at the second page, and its short last page ends it without a rest.
    let rests = 0;
    expect(await engine(counting, () => (rests += 1)).reconcile(() => false)).toBe(0);
    expect(asked).toEqual([200, 200, 200, 100]);
    expect(rests).toBe(2);
  });

  it('goes at full speed, in full batches and still one push at a time, when nobody has used the door', async () => {
    const { city, ids, client, engine } = await kioskWithQueue(2_500);
    const rests: number[] = [];
    const watch = watched(client);
    expect(await engine(watch.through, (ms) => rests.push(ms)).drain()).toEqual({ batches: 3, sent: 2_500, rejected: 0 });
    expect(watch.sizes).toEqual([1_000, 1_000, 500]);
    expect(watch.mostAtOnce()).toBe(1);
    expect(rests).toEqual([]);
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
  });
});
