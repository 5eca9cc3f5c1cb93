// The discreet sync dot on the idle screen, against the real reference city server: online once enrolled; offline
// with the tap waiting to be sent when the city is gone; online and nothing waiting again once it is back and the
// browser says the network returned.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../electron/core/db/open-database.js';
import { demoCards } from '../electron/core/demo/demo-roster.js';
import { CityClient } from '../electron/core/sync/city-client.js';
import { FileSecretStore } from '../electron/core/files/secret-store.js';
import { SYNC_KEYS, SyncStateStore } from '../electron/core/ledger/sync-state.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { repoRoot, startKioskHost } from './support/kiosk-host.js';
import { openKiosk } from './support/kiosk-test.js';

interface City {
  url: string;
  code: string;
  stop(): Promise<void>;
}

async function startCity(dataDir: string, port = 0): Promise<City> {
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

/** A kiosk data folder enrolled with the city: its device id, the server in sync_state, the token in the secrets folder. */
async function enrolledDataDir(dataDir: string, city: City): Promise<void> {
  const deviceId = uuidv7();
  const client = new CityClient({ serverUrl: city.url, token: null });
  const reply = await client.enroll({ enrollmentCode: city.code, deviceId, publicKey: 'A'.repeat(43), deviceName: 'e2e door' });
  client.close();
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(deviceId, new Date().toISOString());
  const state = new SyncStateStore(db);
  state.set(SYNC_KEYS.serverUrl, city.url);
  state.set(SYNC_KEYS.cityDeviceId, reply.value.deviceId);
  db.close();
  new FileSecretStore(dataDir, { cipher: null, log: () => undefined }).set('city-token', reply.value.token);
}

test('the idle screen shows sync online, offline with the tap waiting, and online again', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const cityDir = testInfo.outputPath('city');
  let city = await startCity(cityDir);
  const port = Number(new URL(city.url).port);
  const dataDir = testInfo.outputPath('data');
  await enrolledDataDir(dataDir, city);
  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    const indicator = page.getByTestId('sync-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'online', { timeout: 10_000 });
    await expect(indicator).toContainText('Байланыс бар'); // Kazakh first

    await city.stop();
    await typeAsReader(page, cardKeys(demoCards.motherOneChild), 5);
    await expect(page.getByTestId('done-screen')).toBeVisible();
    await expect(indicator).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    await expect(indicator).toHaveAttribute('data-queued', '1');
    await expect(indicator).toContainText('Байланыс жоқ');
    await expect(indicator).toContainText('жіберілетіні: 1');

    city = await startCity(cityDir, port);
    // What Chromium fires when the network comes back: sync tries at once instead of waiting out its back-off.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(indicator).toHaveAttribute('data-queued', '0', { timeout: 5_000 });
    await expect(indicator).toHaveAttribute('data-state', 'online');
  } finally {
    await host.stop();
    await city.stop();
  }
});
