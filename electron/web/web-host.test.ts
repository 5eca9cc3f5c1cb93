import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { KioskCore } from '../core/kiosk-core.js';
import { tempDataDir } from '../core/testing/fixtures.js';
import { resolveInside } from '../core/files/resolve-inside.js';
import { startWebHost, type WebHost } from './web-host.js';

let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const rendererDir = join(tempDataDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Esik</title>');
  const core = new KioskCore({ dataDir: tempDataDir(), demo: true, log: () => undefined });
  host = await startWebHost({ core, rendererDir, log: () => undefined });
  const token = new URL(host.url).hash.replace('#token=', '');
  return { host, token };
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, name: string, args: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ type: 'call', id: 7, name, args }));
  });
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and serves the renderer with a CSP without inline script', async () => {
    const { host } = await start();
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<title>Esik</title>');
  });

  it('serves nothing outside the renderer folder', async () => {
    const { host } = await start();
    for (const path of ['/../esik.sqlite', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cwindows']) {
      expect((await fetch(`${host.origin}${path}`)).status).toBe(404);
    }
    expect(resolveInside('/srv/app', '/../../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
  });

  it('answers KioskApi calls over the WebSocket with the token from the same origin', async () => {
    const { host, token } = await start();
    const ws = await connect(`${host.origin.replace('http', 'ws')}/api?token=${token}`, host.origin);
    expect(await call(ws, 'getStatus', {})).toMatchObject({ type: 'result', id: 7, result: { ok: true, value: { state: 'ready' } } });
    expect(await call(ws, 'identifyCard', { raw: 5 })).toMatchObject({ result: { ok: false, error: { code: 'INVALID_REQUEST' } } });
    ws.close();
  });

  it('refuses a WebSocket with a wrong token, a foreign origin, or no origin', async () => {
    const { host, token } = await start();
    const base = host.origin.replace('http', 'ws');
    await expect(connect(`${base}/api?token=wrong`, host.origin)).rejects.toThrow(/403/);
    await expect(connect(`${base}/api?token=${token}`, 'http://evil.example')).rejects.toThrow(/403/);
    await expect(connect(`${base}/api?token=${token}`, '')).rejects.toThrow(/403/);
    await expect(connect(`${base}/other?token=${token}`, host.origin)).rejects.toThrow(/403/);
  });
});
