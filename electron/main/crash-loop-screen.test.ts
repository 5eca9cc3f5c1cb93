// The Electron side of the crash-loop guard against the stand-in 'electron' module and a real start count on disk.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { beginStart, startFailed } from '../core/start-guard/start-attempts.js';
import { tempDataDir } from '../core/testing/fixtures.js';
import { passCrashLoopGate } from './crash-loop-screen.js';
import { electronFake } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => electronFake.reset());

/** Three starts that died, as the records of a kiosk in a crash loop hold them. */
function crashLooping(): string {
  const dataDir = tempDataDir();
  for (let i = 0; i < 3; i++) {
    expect(beginStart(dataDir, Date.now() - 1_000 + i).kind).toBe('start');
    startFailed(dataDir, new Error('listen EADDRINUSE'));
  }
  return dataDir;
}

describe('the crash-loop recovery window', () => {
  it('shows the recovery page without script instead of starting, and refuses to navigate anywhere else', () => {
    const dataDir = crashLooping();
    const lines: string[] = [];
    expect(passCrashLoopGate(dataDir, true, (line) => lines.push(line))).toBe(false);
    const [win] = electronFake.windows;
    if (!win) throw new Error('no recovery window');
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(win.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    const page = decodeURIComponent(win.webContents.loaded[0]?.replace(/^data:text\/html;charset=utf-8,/, '') ?? '');
    expect(page).toContain('Error: listen EADDRINUSE');
    expect(page).not.toContain('<script');
    expect(win.webContents.navigate('https://example.com/')).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electronFake.app.relaunches).toBe(0);
    expect(lines.some((line) => line.startsWith('[start] CRASH LOOP: 3 starts failed'))).toBe(true);
  });

  it('"try again" clears the count and relaunches the app', () => {
    const dataDir = crashLooping();
    expect(passCrashLoopGate(dataDir, false, () => undefined)).toBe(false);
    const win = electronFake.windows[0];
    expect(win?.webContents.navigate('esik-recovery:retry')).toBe(true);
    expect(existsSync(join(dataDir, 'start-attempts.json'))).toBe(false);
    expect(electronFake.app.relaunches).toBe(1);
    expect(electronFake.app.exits).toEqual([0]);
  });
});
