// The reference city server in its own process for the Playwright tests, and a kiosk data folder enrolled with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { FileSecretStore } from '../../electron/core/files/secret-store.js';
import { SYNC_KEYS, SyncStateStore } from '../../electron/core/ledger/sync-state.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { repoRoot } from './kiosk-host.js';

export interface City {
  url: string;
  code: string;
  stop(): Promise<void>;
}

export async function startCity(dataDir: string, port = 0): Promise<City> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'city-server/src/cli.ts'), '--port', String(port), '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = await new Promise<{ url: string; code: string }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^CITY_URL (\S+)$/m.exec(output)?.[1];
      const code = /^ENROLLMENT_CODE (\S+)$/m.exec(output)?.[1];
      if (url && code) resolve({ url, code });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (exit) => reject(new Error(`city server exited with ${exit}:\n${output}`)));
  });
  return {
    ...started,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface EnrolledKiosk {
  deviceId: string;
  token: string;
}

/**
 * A kiosk data folder enrolled with the city: its device id, the server in sync_state, the token in the secrets folder.
 * `as` fixes the device's id and name when a test needs them (by default a fresh id, named 'e2e door').
 */
export async function enrolledDataDir(dataDir: string, city: Pick<City, 'url' | 'code'>, as: { deviceId?: string; deviceName?: string } = {}): Promise<EnrolledKiosk> {
  const deviceId = as.deviceId ?? uuidv7();
  const client = new CityClient({ serverUrl: city.url, token: null });
  const reply = await client.enroll({ enrollmentCode: city.code, deviceId, publicKey: 'A'.repeat(43), deviceName: as.deviceName ?? 'e2e door' });
  client.close();
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(deviceId, new Date().toISOString());
  const state = new SyncStateStore(db);
  state.set(SYNC_KEYS.serverUrl, city.url);
  state.set(SYNC_KEYS.cityDeviceId, reply.value.deviceId);
  state.set(SYNC_KEYS.kindergartenId, reply.value.kindergartenId);
  db.close();
  new FileSecretStore(dataDir, { cipher: null, log: () => undefined }).set('city-token', reply.value.token);
  return { deviceId: reply.value.deviceId, token: reply.value.token };
}
