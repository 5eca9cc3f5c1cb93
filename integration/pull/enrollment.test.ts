// Enrolling a demo kiosk with the reference city server through KioskApi, as the admin screen will.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch.js';
import { CityClient } from '../../electron/core/sync/city-client.js';
import { demoCards } from '../../electron/core/demo/demo-roster.js';
import { manualClock } from '../../electron/core/testing/fixtures.js';
import { FileSecretStore, SECRETS_FOLDER } from '../../electron/core/files/secret-store.js';
import { SYNC_KEYS } from '../../electron/core/ledger/sync-state.js';
import { PROTOCOL_HEADER } from '../../shared/sync/protocol.js';
import { enrolled, enrollWith, signIn, startCity, startKiosk, value } from './fixtures.js';

const quiet = { log: () => undefined };

/** A loopback server that answers every request the same way: someone else's server at the admin's URL. */
async function impostor(status: number, headers: Record<string, string>, body: string): Promise<string> {
  const server: Server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('enrolling the kiosk with a city server', () => {
  it('registers the kiosk, keeps the token only in a 0600 secret file, and replaces the demo roster', async () => {
    const city = await startCity({ seed: 'empty' });
    const kiosk = startKiosk();
    const { core, dataDir } = kiosk;
    const before = value(core.handlers.getStatus({}));
    expect(before).toMatchObject({ demo: true, secretStorage: 'file-only' });
    const ownId = before.state === 'ready' ? before.deviceId : '';

    // Through the validating dispatcher, as both shells call it.
    const reply = await dispatch(core.handlers, 'enrollKiosk', { sessionId: await signIn(core), serverUrl: `  ${city.url}/  `, code: city.issueEnrollmentCode() }, () => undefined);
    expect(reply).toMatchObject({ ok: true, value: { kindergartenId: 'kg-city', rosterLoaded: true } });

    // The city's (empty) kindergarten replaced the demo one; the demo cards no longer open the door.
    expect(core.handlers.getStatus({})).toMatchObject({ value: { demo: false, kindergartenName: 'Балабақша (бос)' } });
    expect(core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CARD' } });

    const token = new FileSecretStore(dataDir, { cipher: null, ...quiet }).get('city-token');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, SECRETS_FOLDER, 'city-token')).mode & 0o777).toBe(0o600);
    // The token is nowhere in the database files (main file and WAL), neither as text nor base64.
    const needles = [token ?? '', Buffer.from(token ?? '').toString('base64')];
    for (const file of ['esik.sqlite', 'esik.sqlite-wal']) {
      const path = join(dataDir, file);
      if (!existsSync(path)) continue;
      const bytes = readFileSync(path);
      for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    }
    core.close();

    // What was stored survives a restart: the server, the device and the kindergarten; no demo roster comes back.
    const again = startKiosk(kiosk.clock, dataDir);
    expect(again.core.handlers.getStatus({})).toMatchObject({ value: { demo: false } });
    const db = new (await import('better-sqlite3')).default(join(dataDir, 'esik.sqlite'), { readonly: true });
    const state = Object.fromEntries(db.prepare<[], { key: string; value: string }>('SELECT key, value FROM sync_state').all().map((r) => [r.key, r.value]));
    db.close();
    expect(state).toMatchObject({ [SYNC_KEYS.serverUrl]: `${city.url}/`, [SYNC_KEYS.kindergartenId]: 'kg-city', [SYNC_KEYS.cityDeviceId]: ownId });
    expect(Object.values(state)).not.toContain(token);
  });

  it('accepts a code once: a second kiosk with the same code is refused', async () => {
    const city = await startCity();
    const code = city.issueEnrollmentCode();
    const first = startKiosk();
    expect(value(await enrollWith(first, city.url, code))).toMatchObject({ rosterLoaded: true });
    const second = startKiosk();
    expect(await enrollWith(second, city.url, code)).toMatchObject({ ok: false, error: { code: 'ENROLL_CODE_REFUSED' } });
    expect(await enrollWith(second, city.url, 'WXYZ-0000-1111')).toMatchObject({ ok: false, error: { code: 'ENROLL_CODE_REFUSED' } });
    // Too short to be a code: refused without asking the server.
    expect(await enrollWith(second, city.url, '12345')).toMatchObject({ ok: false, error: { code: 'ENROLL_CODE_REFUSED' } });
  });

  it('refuses any URL that is not http(s) before sending anything', async () => {
    const kiosk = startKiosk();
    const sessionId = await signIn(kiosk.core);
    for (const url of ['ftp://city.example.kz/', 'file:///etc/passwd', 'javascript:alert(1)', 'city.example.kz', 'http://admin:secret@127.0.0.1:1/', 'https://city.example.kz/?next=evil']) {
      expect(await enrollWith(kiosk, url, 'ABCD-EFGH-JKMN', sessionId)).toMatchObject({ ok: false, error: { code: 'ENROLL_BAD_URL' } });
    }
    expect(kiosk.core.handlers.getStatus({})).toMatchObject({ value: { demo: true } });
  });

  it('tells an unreachable server from one that speaks another protocol or answers with an error', async () => {
    const kiosk = startKiosk();
    const sessionId = await signIn(kiosk.core);
    // A port nobody listens on: one the system just gave out and took back.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const deadPort = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    expect(await enrollWith(kiosk, `http://127.0.0.1:${deadPort}`, 'ABCD-EFGH-JKMN', sessionId)).toMatchObject({ ok: false, error: { code: 'ENROLL_UNREACHABLE' } });

    const future = await impostor(200, { [PROTOCOL_HEADER]: '2' }, JSON.stringify({ protocolVersions: [2], serverName: 'Esik city v2' }));
    expect(await enrollWith(kiosk, future, 'ABCD-EFGH-JKMN', sessionId)).toMatchObject({ ok: false, error: { code: 'ENROLL_PROTOCOL_UNSUPPORTED' } });
    const refusing = await impostor(426, { [PROTOCOL_HEADER]: '2' }, JSON.stringify({ error: { code: 'PROTOCOL_UNSUPPORTED', message: 'v2 only' } }));
    expect(await enrollWith(kiosk, refusing, 'ABCD-EFGH-JKMN', sessionId)).toMatchObject({ ok: false, error: { code: 'ENROLL_PROTOCOL_UNSUPPORTED' } });
    const webPage = await impostor(404, { 'content-type': 'text/html' }, '<h1>Not found</h1>');
    expect(await enrollWith(kiosk, webPage, 'ABCD-EFGH-JKMN', sessionId)).toMatchObject({ ok: false, error: { code: 'ENROLL_SERVER_ERROR' } });
  });

  it("registers the kiosk under its own device id, so what the door recorded before enrollment reaches the city", async () => {
    const city = await startCity();
    const kiosk = startKiosk();
    expect(value(kiosk.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' })).kind).toBe('recorded');
    const before = value(kiosk.core.handlers.getStatus({}));
    const { deviceId } = await enrolled(kiosk, city);
    expect(deviceId).toBe(before.state === 'ready' ? before.deviceId : '');
    expect(value(kiosk.core.handlers.identifyCard({ raw: demoCards.fatherTwoGroups, source: 'keyboard-wedge' })).kind).toBe('choose');
    const waitFor = async (count: number) => {
      for (let waited = 0; city.recordCount() < count && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    await waitFor(1);
    expect(city.recordCount()).toBe(1);
    expect(kiosk.core.handlers.getStatus({})).toMatchObject({ value: { deviceId, chain: { intact: true } } });
  });

  it('lets only an admin enroll', async () => {
    const city = await startCity();
    const kiosk = startKiosk();
    expect(await enrollWith(kiosk, city.url, city.issueEnrollmentCode(), await signIn(kiosk.core, 'nurse'))).toMatchObject({ ok: false, error: { code: 'STAFF_FORBIDDEN' } });
    expect(await enrollWith(kiosk, city.url, city.issueEnrollmentCode(), '00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, error: { code: 'STAFF_SESSION_ENDED' } });
    await enrolled(kiosk, city);
  });

  it('says that another kiosk holds this device id (409 DEVICE_ID_TAKEN), in its own words, not "HTTP 409"', async () => {
    const city = await startCity();
    const kiosk = startKiosk();
    const status = value(kiosk.core.handlers.getStatus({}));
    const ownId = status.state === 'ready' ? status.deviceId : '';
    // Another machine, with another key, got there first under this kiosk's id (a copied data folder, say).
    const other = new CityClient({ serverUrl: city.url, token: null });
    const { x } = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    await other.enroll({ enrollmentCode: city.issueEnrollmentCode(), deviceId: ownId, publicKey: x ?? '', deviceName: 'copy' });
    other.close();

    const result = await enrollWith(kiosk, city.url, city.issueEnrollmentCode());
    expect(result).toMatchObject({ ok: false, error: { code: 'ENROLL_DEVICE_ID_TAKEN' } });
    const detail = result.ok ? '' : (result.error.detail ?? '');
    expect(detail).toMatch(/DEVICE_ID_TAKEN/);
    expect(detail).not.toMatch(/HTTP 409/);
    expect(kiosk.core.handlers.getStatus({})).toMatchObject({ value: { demo: true } });
  });

  it('speaks of the enrollment code, never of a device token, when the code is unknown', async () => {
    const city = await startCity();
    const kiosk = startKiosk();
    const result = await enrollWith(kiosk, city.url, 'WXYZ-0000-1111');
    expect(result).toMatchObject({ ok: false, error: { code: 'ENROLL_CODE_REFUSED' } });
    const detail = result.ok ? '' : (result.error.detail ?? '');
    expect(detail).toMatch(/enrollment code/);
    expect(detail).toMatch(/ENROLLMENT_CODE_INVALID/);
    expect(detail).not.toMatch(/token/i);
  });

  it('started after the cut-off before it is enrolled, queues no headcount that would later land at the city', async () => {
    const city = await startCity();
    // 11:00 in Almaty: the kiosk starts after the 09:00 cut-off and takes the day's headcount for its own staff.
    const kiosk = startKiosk(manualClock('2026-11-23T06:00:00.000Z'));
    const db = new BetterSqlite3(join(kiosk.dataDir, 'esik.sqlite'), { readonly: true });
    onTestFinished(() => {
      db.close();
    });
    expect(db.prepare("SELECT trigger FROM headcounts").pluck().all()).toEqual(['cut-off']);
    expect(db.prepare("SELECT count(*) FROM sync_outbox WHERE record_type = 'headcount'").pluck().get()).toBe(0);

    await enrolled(kiosk, city);
    const tap = value(kiosk.core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' }));
    expect(tap.kind).toBe('recorded');
    for (let waited = 0; city.recordCount() < 1 && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    // The tap reached the city, and nothing else did.
    expect(city.recordCount()).toBe(1);
    expect(db.prepare('SELECT record_type FROM sync_outbox').pluck().all()).toEqual(['attendance']);
  });
});
