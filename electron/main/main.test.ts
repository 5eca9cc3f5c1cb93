// The Electron app's entry (main.ts) run whole against the stand-in 'electron' module, as an installed kiosk: a real
// core on a real records file in a temporary data folder. What it registers with Electron, what it answers over IPC,
// how its window is kept in front, and how it quits.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL, IPC_EVENT } from '../../shared/api/ipc-channels.js';
import { tempDataDir } from '../core/testing/fixtures.js';
import { electronFake, topFrame, type FakeBrowserWindow } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const argv = process.argv;

afterEach(() => {
  process.argv = argv;
  vi.unstubAllEnvs();
});

function logOf(dataDir: string): string {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

/** Waits (bounded) for the entry's start() to have made its window after app 'ready'. */
async function kioskWindow(): Promise<FakeBrowserWindow> {
  for (let turn = 0; turn < 200; turn++) {
    const win = electronFake.windows[0];
    if (win) return win;
    await new Promise((next) => setTimeout(next, 10));
  }
  throw new Error('main.ts made no window');
}

describe('the Electron entry, installed', () => {
  it('binds KioskApi, locks the kiosk window, keeps the display awake, and quits when an admin leaves from the console', async () => {
    electronFake.reset();
    electronFake.app.isPackaged = true;
    const dataDir = tempDataDir();
    vi.stubEnv('ESIK_DATA_DIR', dataDir);
    vi.stubEnv('ESIK_KIOSK', undefined);
    // The demo kindergarten (--demo, as an installed app needs), for its admin and PIN.
    vi.stubEnv('ESIK_DEMO', '1');
    process.argv = ['/opt/Esik/esik', '--demo'];
    await import('./main.js');
    const win = await kioskWindow();

    // Electron's side: the app scheme before 'ready', one IPC channel, the session locked down.
    expect(electronFake.protocol.privileged.map((s) => s.scheme)).toEqual(['esik']);
    expect(electronFake.protocol.handlers.has('esik')).toBe(true);
    expect([...electronFake.ipcMain.handlers.keys()]).toEqual([IPC_CALL]);
    expect(electronFake.session.permissionRequest).not.toBeNull();
    expect(electronFake.app.listenerCount('web-contents-created')).toBe(1);
    expect(electronFake.powerSaveBlocker.started).toEqual(['prevent-display-sleep']);

    // The window: kiosk mode, no menu, the shortcuts that leave swallowed, closing refused.
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(electronFake.menu.applicationMenu).toBeNull();
    expect(win.webContents.pressKey({ key: 'F4', code: 'F4', alt: true })).toBe(true);
    expect(win.webContents.pressKey({ key: 'r', code: 'KeyR', control: true })).toBe(true);
    expect(win.close()).toBe(false);

    // The app's own frame reaches the real core; its events reach the window.
    const status = (await electronFake.ipcMain.invoke(IPC_CALL, topFrame('esik://app/index.html'), 'getStatus', {})) as { ok: boolean };
    expect(status.ok).toBe(true);
    await electronFake.ipcMain.invoke(IPC_CALL, topFrame('esik://app/index.html'), 'setLanguage', { language: 'ru' });
    expect(win.webContents.sent.some((message) => message.channel === IPC_EVENT && message.args[0] === 'statusChanged')).toBe(true);

    // A second start brings this window forward instead.
    win.minimized = true;
    electronFake.app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);

    // On Linux the package's autostart entry starts it: no login item from the app.
    if (process.platform === 'linux') expect(electronFake.app.loginItems).toEqual([]);

    // An admin leaves through the console with their PIN: the app quits, and the window may close then.
    const call = (name: string, args: unknown) => electronFake.ipcMain.invoke(IPC_CALL, topFrame('esik://app/index.html'), name, args);
    const signedIn = (await call('staffSignIn', { who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' })) as { value: { session: { sessionId: string } } };
    const sessionId = signedIn.value.session.sessionId;
    expect(await call('adminKioskShell', { sessionId })).toEqual({ ok: true, value: { canLeave: true, startAtLogin: process.platform === 'win32' ? true : null, startAfresh: { setAsideIn: join(dataDir, 'set-aside') } } });
    expect(await call('adminLeaveKiosk', { sessionId, pin: '2468' })).toEqual({ ok: true, value: { outcome: 'leaving' } });
    for (let turn = 0; turn < 200 && electronFake.app.quits === 0; turn++) await new Promise((next) => setTimeout(next, 10));
    expect(electronFake.app.quits).toBe(1);
    expect(win.isDestroyed()).toBe(true);
    expect(electronFake.powerSaveBlocker.stopped).toEqual([1]);
    const log = logOf(dataDir);
    expect(log).toContain(`data folder ${dataDir}`);
    expect(log).toContain('shortcut ignored in the kiosk window: close-window');
    expect(log).toContain('the kiosk window refused to close');
    expect(log).toContain('the kiosk window may close: the app is quitting');
    expect(log).toContain('staff-admin left the kiosk from the console; closing');
    if (process.platform === 'linux') expect(log).toContain("no login item: the package's /etc/xdg/autostart/esik.desktop starts it");
    // Nothing failed on the way out.
    expect(log).not.toContain('failed');
  });
});
