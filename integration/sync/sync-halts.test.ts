// 401 and 426 are not retried (docs/sync-protocol.md): the push stops, records keep queueing, and the status says
// what a person must do — enroll the kiosk again, or update it — instead of the loop knocking every few seconds.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startCityServer } from '../../city-server/src/city-server.js';
import { PROTOCOL_HEADER } from '../../shared/sync/protocol.js';
import type { SyncStatus } from '../../shared/sync/sync-status.js';
import { SyncService } from '../../electron/core/sync/sync-service.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';
import { enroll, enrolledKioskDb, recordEvents } from './fixtures.js';

const MORNING = Date.parse('2026-11-23T08:00:00.000+05:00');
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A sync service with a back-off of a few ms: a loop that retried would knock dozens of times in the test's wait. */
function service(kiosk: ReturnType<typeof enrolledKioskDb>, credentials: { serverUrl: string; deviceId: string; token: string }, statuses: SyncStatus[]): SyncService {
  const s = new SyncService({ db: kiosk.db, credentials, backoff: { baseMs: 5, capMs: 10 }, networkPollMs: 0, queuePollMs: 0, onStatus: (status) => statuses.push(status) });
  onTestFinished(() => s.stop());
  return s;
}

describe('sync that a retry cannot fix', () => {
  it('401: stops pushing until the kiosk is enrolled again, and says so', async () => {
    const requests: string[] = [];
    const city = await startCityServer({ dataDir: tempDataDir(), seed: 'demo', log: (line) => requests.push(line) });
    onTestFinished(() => city.close());
    const enrollment = await enroll(city);
    const kiosk = enrolledKioskDb(enrollment);
    recordEvents(kiosk.log, 3, MORNING);
    const statuses: SyncStatus[] = [];
    const sync = service(kiosk, { ...enrollment, token: 'x'.repeat(43) }, statuses);
    sync.start();
    await wait(300);
    sync.nudge('network');
    sync.nudge('manual');
    await wait(200);
    // One exchange in all: the first of a round (asking for this kiosk's own records back, before the push) is refused.
    expect(requests.filter((line) => line.startsWith('POST /v1/records ') || line.startsWith('GET /v1/records/chain'))).toHaveLength(1);
    expect(sync.status()).toMatchObject({ state: 'offline', lastErrorCode: 'SYNC_UNAUTHORIZED', halted: 'enroll-again', queued: 3 });
    expect(statuses.at(-1)).toMatchObject({ halted: 'enroll-again' });
    expect(city.recordCount()).toBe(0);
  });

  it('426: stops until the kiosk is updated, and says so', async () => {
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(426, { 'content-type': 'application/json', [PROTOCOL_HEADER]: '2' }).end(JSON.stringify({ error: { code: 'PROTOCOL_UNSUPPORTED', message: 'v2 only' } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const deviceId = '0196f3a4-1a2b-7c3d-8e4f-5a6b7c8d9e10';
    const kiosk = enrolledKioskDb({ serverUrl, deviceId, token: 't'.repeat(43) });
    recordEvents(kiosk.log, 2, MORNING);
    const statuses: SyncStatus[] = [];
    const sync = service(kiosk, { serverUrl, deviceId, token: 't'.repeat(43) }, statuses);
    sync.start();
    await wait(300);
    sync.nudge('network');
    await wait(200);
    expect(requests).toBe(1);
    expect(sync.status()).toMatchObject({ state: 'offline', lastErrorCode: 'SYNC_PROTOCOL_UNSUPPORTED', halted: 'update-kiosk', queued: 2 });
  });
});
