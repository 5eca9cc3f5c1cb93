// A city restored from last night's backup: it lost the kiosk's newest records, which the kiosk holds as sent. With
// nothing left to send, the city's chain head is short of the kiosk's newest event: the kiosk raises it, asks the city
// which records it lacks, and pushes them again, without waiting for an unrelated outage.
import { cpSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCityServer, type RunningCityServer } from '../../city-server/src/city-server.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';
import { enroll, enrolledKioskDb, recordEvents, type Enrollment } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');

async function cityAt(dataDir: string, port?: number): Promise<RunningCityServer> {
  const city = await startCityServer({ dataDir, seed: 'demo', ...(port === undefined ? {} : { port }) });
  onTestFinished(() => city.close());
  return city;
}

/** Drains with a fresh client (the city's process may have been replaced since the last one). */
async function drain(kiosk: ReturnType<typeof enrolledKioskDb>, enrollment: Enrollment, lines: string[]): Promise<PushEngine> {
  const client = new CityClient({ serverUrl: enrollment.serverUrl, token: enrollment.token });
  const engine = new PushEngine({ db: kiosk.db, client, cityDeviceId: enrollment.deviceId, log: (line) => lines.push(line) });
  try {
    await engine.drain();
  } finally {
    client.close();
  }
  return engine;
}

describe('a city stuck behind the kiosk', () => {
  it('gets the records it lost in a restore pushed again at the next push, and the kiosk says so meanwhile', async () => {
    const cityDir = tempDataDir();
    const backupDir = tempDataDir();
    const first = await cityAt(cityDir);
    const port = Number(new URL(first.url).port);
    const enrollment = await enroll(first);
    const kiosk = enrolledKioskDb(enrollment);
    const lines: string[] = [];
    const ids = recordEvents(kiosk.log, 10, MORNING);
    await drain(kiosk, enrollment, lines);

    // Last night's backup, taken with the server stopped: it holds the first ten.
    await first.close();
    cpSync(cityDir, backupDir, { recursive: true });
    const live = await cityAt(cityDir, port);
    ids.push(...recordEvents(kiosk.log, 5, MORNING + 3_600_000));
    await drain(kiosk, enrollment, lines);
    expect(live.recordCount()).toBe(15);
    await live.close();

    // The city is restored from that backup: the kiosk's last five are gone there, sent here.
    const restored = await cityAt(backupDir, port);
    expect(restored.recordCount()).toBe(10);
    ids.push(...recordEvents(kiosk.log, 1, MORNING + 7_200_000));
    const engine = await drain(kiosk, enrollment, lines);

    expect(lines.join('\n')).toMatch(/CITY BEHIND: .* chain head is seq 10, this kiosk's seq 16/);
    expect(new Set(restored.recordIds())).toEqual(new Set(ids));
    expect(restored.recordCount()).toBe(16);
    // Caught up: the city's head is the kiosk's newest again, nothing raised any more.
    expect(engine.chainHeadMismatch()).toBeNull();
    expect(engine.outbox.pendingCount()).toBe(0);
  });

  it('keeps it raised when the city still lacks them after being asked', async () => {
    const city = await cityAt(tempDataDir());
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    const lines: string[] = [];
    recordEvents(kiosk.log, 3, MORNING);
    await drain(kiosk, enrollment, lines);
    // The city answers "I hold them all" for what it lacks (a proxy's cache): nothing can be pushed again.
    const ids = recordEvents(kiosk.log, 2, MORNING + 3_600_000);
    kiosk.db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 1 WHERE record_id = ?").run(ids[0]);
    const client = new CityClient({ serverUrl: enrollment.serverUrl, token: enrollment.token });
    onTestFinished(() => client.close());
    const engine = new PushEngine({
      db: kiosk.db,
      client: { push: (r) => client.push(r), hello: () => client.hello(), missing: (asked) => client.missing(asked).then((reply) => ({ ...reply, value: { missing: [] } })) },
      cityDeviceId: enrollment.deviceId,
      log: (line) => lines.push(line),
    });
    await engine.drain();
    expect(engine.chainHeadMismatch()).toMatchObject({ kind: 'city-behind', theirs: { deviceSeq: 3 }, ours: { deviceSeq: 5 } });
  });
});
