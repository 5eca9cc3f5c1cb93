// The demo's made-up records never reach a city: a demo kiosk cannot enroll, and even with a city's credentials handed
// to it the push and the pulls do not start. The same kiosk kept as a kindergarten's own does push (the control).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { KioskCore } from '../../electron/core/kiosk-core.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import BetterSqlite3 from 'better-sqlite3';
import { FileSecretStore } from '../../electron/core/files/secret-store.js';
import { SYNC_KEYS, SyncStateStore } from '../../electron/core/ledger/sync-state.js';
import { manualClock, tempDataDir } from '../../electron/core/testing/fixtures.js';
import { keepAsOwnKindergarten } from '../../electron/core/testing/own-kindergarten.js';
import { enrollWith, MORNING, startCity, startKiosk, value } from './fixtures.js';

async function waitFor(done: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !done() && waited < ms; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** A kiosk whose sync_state names a city and its device, with the token beside it: as if written by hand. */
async function kioskGivenCredentials(ownKindergarten: boolean) {
  // A city that knows the demo's children would accept the records: only the kiosk can keep them home.
  const city = await startCity({ seed: 'demo' });
  const dataDir = tempDataDir();
  const core = new KioskCore({ dataDir, demo: true, clock: manualClock(MORNING), log: () => undefined, cityPullIntervalMs: 0 });
  onTestFinished(async () => {
    core.close();
    await core.closed();
  });
  if (ownKindergarten) keepAsOwnKindergarten(core.databasePath);
  const status = value(core.handlers.getStatus({}));
  const deviceId = status.state === 'ready' ? status.deviceId : '';
  const client = new CityClient({ serverUrl: city.url, token: null });
  const { x } = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const reply = await client.enroll({ enrollmentCode: city.issueEnrollmentCode(), deviceId, publicKey: x ?? '', deviceName: 'Door 1' });
  client.close();
  new FileSecretStore(dataDir, { cipher: null, log: () => undefined }).set('city-token', reply.value.token);
  const db = new BetterSqlite3(core.databasePath);
  db.pragma('busy_timeout = 5000');
  const state = new SyncStateStore(db);
  state.set(SYNC_KEYS.serverUrl, city.url);
  state.set(SYNC_KEYS.cityDeviceId, deviceId);
  db.close();
  core.syncCredentialsChanged();
  expect(value(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).kind).toBe('recorded');
  return { city, core };
}

describe('the demo stays on the machine', () => {
  it('a demo kiosk is refused enrollment with a code that points to "start afresh", and the city hears nothing', async () => {
    const city = await startCity({ seed: 'empty' });
    const kiosk = startKiosk(undefined, undefined, { localDemo: true });
    const result = await enrollWith(kiosk, city.url, city.issueEnrollmentCode());
    expect(result).toMatchObject({ ok: false, error: { code: 'ENROLL_DEMO' } });
    expect(kiosk.core.handlers.getStatus({})).toMatchObject({ value: { demo: true } });
    expect(kiosk.core.handlers.getSyncStatus({})).toMatchObject({ ok: true, value: { state: 'never-enrolled' } });
  });

  it('the control: the same roster kept as the kindergarten own pushes its tap to the city', async () => {
    const { city } = await kioskGivenCredentials(true);
    await waitFor(() => city.recordCount() > 0, 15_000);
    expect(city.recordCount()).toBe(1);
  });

  it('a demo kiosk whose sync_state names a city pushes nothing and pulls nothing', async () => {
    const { city, core } = await kioskGivenCredentials(false);
    await expect(core.pullFromCity()).rejects.toMatchObject({ code: 'SYNC_UNAUTHORIZED' });
    // Long enough for the control above to have pushed many times over.
    await waitFor(() => city.recordCount() > 0, 4_000);
    expect(city.recordCount()).toBe(0);
    expect(core.handlers.getSyncStatus({})).toMatchObject({ ok: true, value: { state: 'never-enrolled' } });
  });
});
