import { describe, expect, it, onTestFinished } from 'vitest';
import type { RunningCityServer } from '../../city-server/src/city-server.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import type { SyncError } from '../../electron/core/sync/sync-error.js';
import { enroll, firstPushFails, enrolledKioskDb, recordEvents, startCity, type Enrollment } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');

async function setUp(batchSize = 100): Promise<{ city: RunningCityServer; enrollment: Enrollment; kiosk: ReturnType<typeof enrolledKioskDb>; engine: PushEngine }> {
  const city = await startCity();
  const enrollment = await enroll(city);
  const kiosk = enrolledKioskDb(enrollment);
  const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
  onTestFinished(() => client.close());
  const engine = new PushEngine({ db: kiosk.db, client, cityDeviceId: enrollment.deviceId, batchSize });
  return { city, enrollment, kiosk, engine };
}

describe('push engine against the reference city server', () => {
  it('pushes every queued event once, in batches, and leaves none pending', async () => {
    const { city, kiosk, engine } = await setUp();
    const ids = recordEvents(kiosk.log, 250, MORNING);
    expect(engine.outbox.pendingCount()).toBe(250);

    expect(await engine.drain()).toEqual({ batches: 3, sent: 250, rejected: 0 });
    expect(engine.outbox.pendingCount()).toBe(0);
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
    expect(engine.chainHeadMismatch()).toBeNull();
    // Nothing new: no push at all.
    expect(await engine.drain()).toEqual({ batches: 0, sent: 0, rejected: 0 });
  });

  it('keeps a rejected record with the city\'s reason, sends the rest, and never retries it blindly', async () => {
    const { city, kiosk, engine } = await setUp();
    // A child this kiosk knows and the city does not (a roster out of step).
    kiosk.db.prepare("INSERT INTO children (id, group_id, first_name, last_name) SELECT 'ch-local-only', group_id, 'Айсана', 'Нұрова' FROM children LIMIT 1").run();
    const before = recordEvents(kiosk.log, 3, MORNING);
    const [stray] = kiosk.log.append([{ childId: 'ch-local-only', kind: 'arrival', method: 'override', companionId: null, credentialId: null, staffId: null }], {
      iso: '2026-11-23T08:30:00.000+05:00',
      ms: MORNING + 1_800_000,
      localDate: '2026-11-23',
      hhmm: '08:30',
      offsetMinutes: 300,
    });
    const after = recordEvents(kiosk.log, 3, MORNING + 3_600_000);

    expect(await engine.drain()).toEqual({ batches: 1, sent: 6, rejected: 1 });
    expect(engine.outbox.rejected()).toEqual([{ record_id: stray?.id, rejected_reason: expect.stringMatching(/ch-local-only/) as unknown, queued_ms: MORNING + 1_800_000 }]);
    expect(await engine.drain()).toEqual({ batches: 0, sent: 0, rejected: 0 });
    expect(new Set(city.recordIds())).toEqual(new Set([...before, ...after]));
  });

  it('asks the city which sent records it lacks after an outage and pushes those again', async () => {
    const { city, kiosk, engine } = await setUp();
    const ids = recordEvents(kiosk.log, 20, MORNING);
    // A record believed sent that the city never stored (a city restored from last night's backup).
    kiosk.db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 1 WHERE record_id = ?").run(ids[7]);
    expect(await engine.reconcile()).toBe(1);
    await engine.drain();
    expect(new Set(city.recordIds())).toEqual(new Set(ids));
    // Checked once: the next reconciliation asks only about what was sent since.
    expect(await engine.reconcile()).toBe(0);
  });

  it('raises a chain head that disagrees with the log to staff', async () => {
    const { kiosk, engine } = await setUp();
    recordEvents(kiosk.log, 5, MORNING);
    await engine.drain();
    expect(engine.chainHeadMismatch()).toBeNull();
    // Someone rewrites the kiosk's history under the city's nose (the append-only triggers dropped first).
    kiosk.db.exec('DROP TRIGGER attendance_events_no_update');
    kiosk.db.prepare("UPDATE attendance_events SET hash = ? WHERE device_seq = 5").run('f'.repeat(64));
    kiosk.db.prepare("UPDATE sync_outbox SET state = 'pending', sent_ms = NULL WHERE seq = 5").run();
    await engine.drain();
    expect(engine.chainHeadMismatch()).toMatchObject({ kind: 'diverged', theirs: { deviceSeq: 5 }, oursAtTheirSeq: 'f'.repeat(64) });
  });

  it('pushes nothing when the log is chained under another device id than the city enrolled', async () => {
    const { city, kiosk, enrollment } = await setUp();
    recordEvents(kiosk.log, 5, MORNING);
    const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
    onTestFinished(() => client.close());
    const engine = new PushEngine({ db: kiosk.db, client, cityDeviceId: 'dev-someone-else' });
    const error: unknown = await engine.drain().catch((e: unknown) => e);
    expect((error as SyncError).code).toBe('SYNC_DEVICE_MISMATCH');
    expect(engine.outbox.pendingCount()).toBe(5);
    expect(city.recordCount()).toBe(0);
  });

  it('stops at the first failed push: nothing else was sent beside it', async () => {
    const { city, kiosk, enrollment } = await setUp();
    recordEvents(kiosk.log, 200, MORNING);
    const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
    onTestFinished(() => client.close());
    const flaky = firstPushFails(client, { firstFailsAfterMs: 50, laterDelayMs: 0 });
    const engine = new PushEngine({ db: kiosk.db, client: flaky.client, cityDeviceId: enrollment.deviceId, batchSize: 100 });
    const error: unknown = await engine.drain().catch((e: unknown) => e);
    expect((error as SyncError).code).toBe('SYNC_NETWORK');
    expect(flaky.pushes()).toBe(1);
    expect(engine.outbox.pendingCount()).toBe(200);
    expect(city.recordCount()).toBe(0);
  });
});
