// Fixtures for the kiosk ↔ city tests: a running reference city server, and a kiosk database enrolled with it,
// filled with real events written through the attendance log (so each has its outbox row, as at the door).
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { onTestFinished } from 'vitest';
import { startCityServer, type RunningCityServer } from '../../city-server/src/city-server.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { demoRoster } from '../../electron/core/demo/demo-roster.js';
import { AttendanceLog } from '../../electron/core/ledger/attendance-log.js';
import { RosterStore } from '../../electron/core/roster/roster-store.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { PushEngine } from '../../electron/core/sync/push-engine.js';
import { SyncError } from '../../electron/core/sync/sync-error.js';
import { SYNC_KEYS, SyncStateStore } from '../../electron/core/ledger/sync-state.js';
import { tempDataDir } from '../../electron/core/testing/fixtures.js';

export { recordEvents } from './fixtures-events.js';

export type PushClient = Pick<CityClient, 'push' | 'missing' | 'hello'>;

/** The real client with some of its calls replaced (a flaky or a watched network), real HTTP underneath the rest. */
export function clientAround(client: CityClient, replaced: Partial<PushClient>): PushClient {
  return { push: (request) => client.push(request), missing: (ids) => client.missing(ids), hello: () => client.hello(), ...replaced };
}

/**
 * A network whose first push is reset (after `firstFailsAfterMs`, so a second can be sent beside it) and whose later
 * pushes are answered `laterDelayMs` late; `onLater` runs as each later push goes out.
 */
export function firstPushFails(client: CityClient, options: { firstFailsAfterMs: number; laterDelayMs: number; onLater?: () => void }): { client: PushClient; pushes: () => number } {
  let pushes = 0;
  const flaky = clientAround(client, {
    push: async (request) => {
      pushes += 1;
      if (pushes === 1) {
        await new Promise((resolve) => setTimeout(resolve, options.firstFailsAfterMs));
        throw new SyncError('SYNC_NETWORK', 'connection reset');
      }
      options.onLater?.();
      await new Promise((resolve) => setTimeout(resolve, options.laterDelayMs));
      return client.push(request);
    },
  });
  return { client: flaky, pushes: () => pushes };
}

export async function startCity(): Promise<RunningCityServer> {
  const city = await startCityServer({ dataDir: tempDataDir(), seed: 'demo' });
  onTestFinished(() => city.close());
  return city;
}

export interface Enrollment {
  serverUrl: string;
  deviceId: string;
  token: string;
}

/** Enrolls a kiosk whose own device id (the one its chain names) is `deviceId`, as the protocol has the kiosk bring it. */
export async function enroll(city: RunningCityServer, deviceId: string = uuidv7()): Promise<Enrollment> {
  const client = new CityClient({ serverUrl: city.url, token: null });
  const { x } = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const reply = await client.enroll({ enrollmentCode: city.issueEnrollmentCode(), deviceId, publicKey: x ?? '', deviceName: 'Door 1' });
  client.close();
  return { serverUrl: city.url, deviceId: reply.value.deviceId, token: reply.value.token };
}

/** A kiosk database with the demo roster, chained under the device id it enrolled with. */
export function enrolledKioskDb(enrollment: Enrollment, dataDir = tempDataDir()): { db: Database; path: string; log: AttendanceLog } {
  const path = join(dataDir, 'esik.sqlite');
  const db = openDatabase(path);
  onTestFinished(() => {
    if (db.open) db.close();
  });
  new RosterStore(db).seed(demoRoster());
  db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(enrollment.deviceId, new Date().toISOString());
  const state = new SyncStateStore(db);
  state.set(SYNC_KEYS.serverUrl, enrollment.serverUrl);
  state.set(SYNC_KEYS.cityDeviceId, enrollment.deviceId);
  return { db, path, log: new AttendanceLog(db, enrollment.deviceId) };
}

/**
 * A reference city server in a folder of its own (the tests read its file), with the kiosk database `db` enrolled
 * with it as the core records it, and the push engine that will send its outbox.
 */
export async function cityForKiosk(db: Database, deviceId: string): Promise<{ city: RunningCityServer; cityDir: string; engine: PushEngine }> {
  const cityDir = tempDataDir();
  const city = await startCityServer({ dataDir: cityDir, seed: 'demo' });
  onTestFinished(() => city.close());
  const enrollment = await enroll(city, deviceId);
  const client = new CityClient({ serverUrl: city.url, token: enrollment.token });
  onTestFinished(() => client.close());
  const state = new SyncStateStore(db);
  state.set(SYNC_KEYS.serverUrl, city.url);
  state.set(SYNC_KEYS.cityDeviceId, enrollment.deviceId);
  return { city, cityDir, engine: new PushEngine({ db, client, cityDeviceId: enrollment.deviceId }) };
}
