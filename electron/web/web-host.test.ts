import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../core/files/resolve-inside.js';
import { LINK_FILE_NAME } from './request-checks.js';
import { call, openClient, redeem, startTestHost } from './testing/test-host.js';

/** A GET with exactly these headers (fetch would not send a foreign Host). */
function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and serves the renderer with a CSP without inline script', async () => {
    const test = await startTestHost();
    expect(new URL(test.host.origin).hostname).toBe('127.0.0.1');
    const res = await fetch(`${test.host.origin}/`, { headers: { cookie: test.upgradeHeaders().Cookie ?? '' } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).toContain('<title>Esik</title>');
  });

  it('serves nothing outside the renderer folder', async () => {
    const { host } = await startTestHost();
    for (const path of ['/../esik.sqlite', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cwindows']) {
      expect((await fetch(`${host.origin}${path}`)).status).toBe(404);
    }
    expect(resolveInside('/srv/app', '/../../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
  });

  it('answers KioskApi calls over the WebSocket from a page with a session, from its own origin', async () => {
    const test = await startTestHost();
    const ws = await test.connect();
    expect(await call(ws, 'getStatus', {})).toMatchObject({ type: 'result', result: { ok: true, value: { state: 'ready' } } });
    expect(await call(ws, 'identifyCard', { raw: 5 })).toMatchObject({ result: { ok: false, error: { code: 'INVALID_REQUEST' } } });
    ws.close();
  });

  it('refuses a WebSocket without a session, from a foreign origin, with no origin, or on another path', async () => {
    const test = await startTestHost();
    const headers = test.upgradeHeaders();
    const { Cookie: cookie = '' } = headers;
    const url = test.apiUrl();
    await expect(openClient(url, { ...headers, Cookie: '' })).rejects.toThrow(/403/);
    await expect(openClient(url, { ...headers, Cookie: `${cookie}x` })).rejects.toThrow(/403/);
    await expect(openClient(url, { ...headers, Cookie: cookie.replace(/^esik-session-\d+/, 'esik-session-1') })).rejects.toThrow(/403/);
    await expect(openClient(url, { ...headers, Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(openClient(url, { Host: headers.Host ?? '', Cookie: cookie })).rejects.toThrow(/403/);
    await expect(openClient(url.replace('/api', '/other'), headers)).rejects.toThrow(/403/);
    (await openClient(url, headers)).close();
  });

  it('refuses any request that names another host (DNS rebinding), over HTTP and WebSocket alike', async () => {
    const test = await startTestHost();
    const headers = test.upgradeHeaders();
    const cookie = headers.Cookie ?? '';
    const rebound = `evil.example:${test.port}`;
    expect((await get(test.port, '/', { Host: rebound, Cookie: cookie })).status).toBe(403);
    expect((await get(test.port, '/assets/app.js', { Host: rebound })).status).toBe(403);
    expect((await get(test.port, test.host.launchUrl().replace(test.host.origin, ''), { Host: rebound })).status).toBe(403);
    expect((await get(test.port, '/', { Host: `127.0.0.1:${test.port + 1}`, Cookie: cookie })).status).toBe(403);
    // No Host at all: Node itself refuses an HTTP/1.1 request without one.
    expect((await get(test.port, '/', { Cookie: cookie })).status).toBe(400);
    await expect(openClient(test.apiUrl(), { Host: rebound, Origin: `http://${rebound}`, Cookie: cookie })).rejects.toThrow(/403/);
    expect(test.logs.join('\n')).toMatch(/wrong host/);
    // The kiosk's own names are fine: 127.0.0.1 and localhost on its port.
    expect((await get(test.port, '/', { Host: `localhost:${test.port}`, Cookie: cookie })).status).toBe(200);
    const local = await openClient(test.apiUrl(), { Host: `localhost:${test.port}`, Origin: `http://localhost:${test.port}`, Cookie: cookie });
    expect(await call(local, 'getStatus')).toMatchObject({ result: { ok: true } });
    local.close();
  });

  it('takes a launch link once: used again it gives nothing, and the next link works', async () => {
    const test = await startTestHost();
    const first = test.host.launchUrl();
    const cookie = await redeem(first);
    expect(cookie).toMatch(/^esik-session-\d+=/);
    // Whoever reads the link later (the browser's command line in /proc, the link file) gets no session.
    expect(await redeem(first)).toBeNull();
    const refused = await fetch(first);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const page = await refused.text();
    expect(page).toContain('Бұл сілтеме киоскіні ашпайды');
    expect(page).toContain('Эта ссылка не открывает киоск');
    expect(page).toContain('This link does not open the kiosk');
    expect(await redeem(`${test.host.origin}/launch?code=`)).toBeNull();
    expect(await redeem(`${test.host.origin}/launch`)).toBeNull();
    const second = test.host.launchUrl();
    expect(second).not.toBe(first);
    expect(await redeem(second)).toMatch(/^esik-session-\d+=/);
  });

  it('keeps a page working across reloads: the session cookie opens the page and the WebSocket again and again', async () => {
    const test = await startTestHost();
    const cookie = test.upgradeHeaders().Cookie ?? '';
    for (let reload = 0; reload < 3; reload++) {
      const page = await fetch(`${test.host.origin}/`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Esik</title>');
      const ws = await test.connect();
      expect(await call(ws, 'getStatus')).toMatchObject({ result: { ok: true } });
      ws.close();
    }
    // Without the cookie the page says what to do instead of a kiosk that cannot connect.
    const bare = await fetch(`${test.host.origin}/`);
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('kiosk-link.txt');
  });
});

describe.skipIf(process.platform === 'win32')('the link file (POSIX modes; skipped on Windows)', () => {
  it('holds a fresh single-use link, readable by the kiosk user only, renewed when used and gone when the host stops', async () => {
    const umask = process.umask(0o022);
    try {
      const test = await startTestHost({}, (dataDir) => join(dataDir, LINK_FILE_NAME));
      const file = join(test.dataDir, LINK_FILE_NAME);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const link = readFileSync(file, 'utf8').trim();
      expect(link).toBe(test.host.launchUrl());
      expect(await redeem(link)).toMatch(/^esik-session-\d+=/);
      const next = readFileSync(file, 'utf8').trim();
      expect(next).not.toBe(link);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(await redeem(link)).toBeNull();
      expect(await redeem(next)).toMatch(/^esik-session-\d+=/);
      await test.host.close();
      expect(existsSync(file)).toBe(false);
    } finally {
      process.umask(umask);
    }
  });
});
