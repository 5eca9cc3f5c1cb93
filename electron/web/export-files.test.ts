import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskCore } from '../core/kiosk-core.js';
import { tempDataDir } from '../core/testing/fixtures.js';
import { redeem } from './testing/test-host.js';
import { startWebHost, type WebHost } from './web-host.js';

let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const dataDir = tempDataDir();
  const rendererDir = join(tempDataDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Esik</title>');
  const core = new KioskCore({ dataDir, demo: false, log: () => undefined, cityPullIntervalMs: 0 });
  host = await startWebHost({ core, rendererDir, log: () => undefined });
  const cookie = (await redeem(host.launchUrl())) ?? '';
  mkdirSync(join(dataDir, 'exports'));
  writeFileSync(join(dataDir, 'exports', 'tabel-2026-12-g1-kk-20270105-100000-ab12.csv'), '\uFEFFКелу табелі');
  writeFileSync(join(dataDir, 'secret.csv'), 'not an export');
  writeFileSync(join(dataDir, 'exports', 'notes.txt'), 'not an export either');
  return { host, cookie, core, dataDir };
}

describe('the web host serves exports', () => {
  it('only from the exports folder, only to the kiosk page with its session cookie, as a download', async () => {
    const { host, cookie, core } = await start();
    expect(cookie).toMatch(/^esik-session-\d+=/);
    const url = `${host.origin}/exports/tabel-2026-12-g1-kk-20270105-100000-ab12.csv`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { cookie: `${cookie}x` } })).status).toBe(403);
    expect((await fetch(`${url}?${cookie}`)).status).toBe(403);
    const ok = await fetch(url, { headers: { cookie } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(ok.headers.get('content-disposition')).toBe('attachment; filename="tabel-2026-12-g1-kk-20270105-100000-ab12.csv"');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(Buffer.from(await ok.arrayBuffer()).toString('utf8')).toBe('\uFEFFКелу табелі');
    for (const path of ['../secret.csv', '%2e%2e/secret.csv', '..%2fsecret.csv', 'notes.txt', 'sub/x.csv', 'esik.sqlite', 'missing-file.pdf', '']) {
      expect((await fetch(`${host.origin}/exports/${path}`, { headers: { cookie } })).status, path).toBe(404);
    }
    core.close();
  });

  it('serves a USB stick written there under its Cyrillic name, and nothing that only looks like one', async () => {
    const { host, cookie, core, dataDir } = await start();
    const name = 'esik-Есік-№2-20261123-0800.esikpeer';
    writeFileSync(join(dataDir, 'exports', name), Buffer.from([0x45, 0x53, 0x49, 0x4b]));
    writeFileSync(join(dataDir, 'exports', 'stick.esikpeer'), 'no esik- prefix');
    const got = await fetch(`${host.origin}/exports/${encodeURIComponent(name)}`, { headers: { cookie } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="esik-____-_2-20261123-0800.esikpeer"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect([...new Uint8Array(await got.arrayBuffer())]).toEqual([0x45, 0x53, 0x49, 0x4b]);
    for (const path of ['stick.esikpeer', 'esik-..%2f..%2fesik.sqlite.esikpeer', 'esik-%2e%2e%2fx.esikpeer', '%E0%A4%A.esikpeer']) {
      expect((await fetch(`${host.origin}/exports/${path}`, { headers: { cookie } })).status, path).toBe(404);
    }
    core.close();
  });
});
