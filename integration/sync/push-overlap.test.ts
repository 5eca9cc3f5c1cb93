// While the door is quiet the kiosk writes down the city's answer to one batch while the next batch is at the city,
// so the city never waits for the kiosk's disk; still only one push is ever out, and nothing answered is lost.
import type { Database } from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { DoorActivity } from '../../electron/core/pacing/door-activity.js';
import { PushEngine, type PushEngineOptions } from '../../electron/core/sync/push-engine.js';
import { DoorAwarePacing } from '../../electron/core/pacing/push-pacing.js';
import { SyncError } from '../../electron/core/sync/sync-error.js';
import { clientAround, enroll, enrolledKioskDb, recordEvents, startCity, type PushClient } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');

async function kioskWithQueue(events: number) {
  const city = await startCity();
  const enrollment = await enroll(city);
  const kiosk = enrolledKioskDb(enrollment);
  const ids = recordEvents(kiosk.log, events, MORNING);
  const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
  onTestFinished(() => client.close());
  const engine = (through: PushClient, more: Partial<PushEngineOptions> = {}): PushEngine =>
    new PushEngine({ db: kiosk.db, client: through, cityDeviceId: enrollment.deviceId, batchSize: 100, ...more });
  return { city, kiosk, ids, client, engine };
}

const pendingIn = (db: Database, ids: readonly string[]): number =>
  ids.filter((id) => db.prepare<[string], { state: string }>('SELECT state FROM sync_outbox WHERE record_id = ?').get(id)?.state === 'pending').length;

/** The real client, watched: for each push, which of the batches before it were still pending as it went out. */
function watched(client: CityClient, db: Database, batches: readonly (readonly string[])[], replaced?: (push: number) => Promise<void>) {
  const pendingAtSend: number[][] = [];
  let out = 0;
  let mostAtOnce = 0;
  const through = clientAround(client, {
    push: async (request) => {
      const push = pendingAtSend.length;
      pendingAtSend.push(batches.slice(0, push).map((ids) => pendingIn(db, ids)));
      out += 1;
      mostAtOnce = Math.max(mostAtOnce, out);
      try {
        await replaced?.(push);
        return await client.push(request);
      } finally {
        out -= 1;
      }
    },
  });
  return { through, pendingAtSend, out: () => out, mostAtOnce: () => mostAtOnce };
}

const batchesOf = (ids: readonly string[], size: number): string[][] =>
  Array.from({ length: Math.ceil(ids.length / size) }, (_, i) => ids.slice(i * size, (i + 1) * size));

describe('settling a batch while the next is at the city', () => {
  it('sends the next batch before writing down the last answer, one push out at a time', async () => {
    const { city, kiosk, ids, client, engine } = await kioskWithQueue(300);
    const batches = batchesOf(ids, 100);
    const watch = watched(client, kiosk.db, batches);

    expect(await engine(watch.through).drain()).toEqual({ batches: 3, sent: 300, rejected: 0 });
    // As each push went out, the batch just answered was still pending (it is written down meanwhile), every one
    // before it settled. Settling first, then sending, would show [[0], [0, 0]].
    expect(watch.pendingAtSend).toEqual([[], [100], [0, 100]]);
    expect(watch.mostAtOnce()).toBe(1);
    expect(pendingIn(kiosk.db, ids)).toBe(0);
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
  });

  it('settles each batch before the next while the door is in use', async () => {
    const { kiosk, ids, client, engine } = await kioskWithQueue(450);
    const watch = watched(client, kiosk.db, batchesOf(ids, 200));
    const door = new DoorActivity();
    door.markUse();
    const pacing = new DoorAwarePacing(door, { sleep: () => Promise.resolve() });

    expect(await engine(watch.through, { pacing, batchSize: 1000 }).drain()).toEqual({ batches: 3, sent: 450, rejected: 0 });
    expect(watch.pendingAtSend).toEqual([[], [0], [0, 0]]);
  });

  it('keeps the answered batch settled when the next push fails, and the failed one pending with its error', async () => {
    const { kiosk, ids, client, engine } = await kioskWithQueue(300);
    const batches = batchesOf(ids, 100);
    const watch = watched(client, kiosk.db, batches, async (push) => {
      if (push !== 1) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new SyncError('SYNC_NETWORK', 'connection reset');
    });

    const error: unknown = await engine(watch.through).drain().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('SYNC_NETWORK');
    expect(batches.map((batch) => pendingIn(kiosk.db, batch))).toEqual([0, 100, 100]);
    expect(new Set(kiosk.db.prepare("SELECT last_error FROM sync_outbox WHERE state = 'pending'").pluck().all())).toEqual(new Set(['SYNC_NETWORK', null]));
  });

  it('lets a push under way come back before a failed settle ends the round, so the retry never goes beside it', async () => {
    const { city, kiosk, ids, client, engine } = await kioskWithQueue(300);
    const watch = watched(client, kiosk.db, batchesOf(ids, 100), (push) =>
      // The second push takes a while at the city: the failed settle of the first must wait for it.
      push === 1 ? new Promise((resolve) => setTimeout(resolve, 50)) : Promise.resolve(),
    );
    let settles = 0;
    const failing = engine(watch.through, {
      // What the worker runs after each settle (a WAL checkpoint), failing as a refusing disk would.
      onBatch: () => {
        settles += 1;
        if (settles === 1) throw new Error('SQLITE_IOERR: disk I/O error');
      },
    });

    let outWhenItFailed = -1;
    await expect(
      failing.drain().finally(() => {
        outWhenItFailed = watch.out();
      }),
    ).rejects.toThrow(/SQLITE_IOERR/);
    expect(outWhenItFailed).toBe(0);
    expect(watch.pendingAtSend).toHaveLength(2);

    // The next round sends what the city already took again: answered "duplicate", settled, nothing doubled.
    expect(await engine(client).drain()).toEqual({ batches: 2, sent: 200, rejected: 0 });
    expect(pendingIn(kiosk.db, ids)).toBe(0);
    expect(city.recordCount()).toBe(300);
  });
});
