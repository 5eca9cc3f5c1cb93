// The app scheme against the stand-in 'electron' module and a real renderer folder: registered privileged before
// 'ready', every answer with the CSP, nothing outside the folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../core/testing/fixtures.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY } from './security.js';
import { electronFake } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => electronFake.reset());

describe('the esik:// app scheme', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electronFake.protocol.privileged).toEqual([{ scheme: 'esik', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);
  });

  it('serves the built renderer with the CSP, and nothing from outside its folder', async () => {
    const root = tempDataDir();
    const renderer = join(root, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Esik</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'not for the page');
    serveRenderer(renderer);
    const index = await electronFake.protocol.fetch('esik://app/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Esik</title>');
    expect(index.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect((await electronFake.protocol.fetch('esik://app/')).status).toBe(200);
    expect(await (await electronFake.protocol.fetch('esik://app/assets/app.js')).text()).toBe('console.log(1)');
    for (const outside of ['esik://app/..%2Fsecret.txt', 'esik://app/%2e%2e/secret.txt', 'esik://app/assets/..%2F..%2Fsecret.txt', 'esik://app/%00']) {
      const response = await electronFake.protocol.fetch(outside);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    }
    expect((await electronFake.protocol.fetch('esik://app/missing.js')).status).toBe(404);
  });
});
