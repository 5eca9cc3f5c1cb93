// The kiosk window against the stand-in 'electron' module: how it is made, what brings it back, and, in kiosk mode,
// the lock that keeps it in front (kiosk-lock.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createKioskWindow } from './kiosk-window.js';
import { lockKioskWindow } from './kiosk-lock.js';
import { electronFake, type FakeBrowserWindow } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

function openWindow(kiosk: boolean): { win: FakeBrowserWindow; lines: string[]; lock: () => ReturnType<typeof lockKioskWindow> } {
  const lines: string[] = [];
  const real = createKioskWindow({ preload: '/app/dist/electron/preload.cjs', kiosk, log: (line) => lines.push(line) });
  const win = electronFake.windows.at(-1);
  if (!win) throw new Error('no window was made');
  return { win, lines, lock: () => lockKioskWindow(real, (line) => lines.push(line)) };
}

beforeEach(() => electronFake.reset());

describe('the kiosk window', () => {
  it('is isolated and sandboxed, full screen with no developer tools in kiosk mode, and loads the app', () => {
    const { win } = openWindow(true);
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
    expect(win.webContents.loaded).toEqual(['esik://app/index.html']);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('keeps the developer tools and a window frame when run from the sources', () => {
    const { win } = openWindow(false);
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(win.options.webPreferences).toMatchObject({ devTools: true, sandbox: true, contextIsolation: true });
  });

  it('reloads the app when its renderer dies, and crashes a hung one so it does', async () => {
    vi.useFakeTimers();
    try {
      const { win, lines } = openWindow(true);
      win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
      await vi.advanceTimersByTimeAsync(500);
      expect(win.webContents.loaded).toEqual(['esik://app/index.html', 'esik://app/index.html']);
      win.emit('unresponsive');
      expect(win.webContents.crashed).toBe(1);
      expect(lines).toEqual(['[main] renderer gone (oom); reloading', '[main] renderer unresponsive; reloading']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the lock on the kiosk window', () => {
  it('takes the menu away and swallows the shortcuts that close, reload or open the developer tools, and no others', () => {
    const { win, lines, lock } = openWindow(true);
    lock();
    expect(electronFake.menu.applicationMenu).toBeNull();
    expect(win.menu).toBeNull();
    const wc = win.webContents;
    expect(wc.pressKey({ key: 'F4', code: 'F4', alt: true })).toBe(true);
    expect(wc.pressKey({ key: 'ц', code: 'KeyW', control: true })).toBe(true);
    expect(wc.pressKey({ key: 'W', code: 'KeyW', control: true, shift: true })).toBe(true);
    expect(wc.pressKey({ key: 'q', code: 'KeyQ', control: true })).toBe(true);
    expect(wc.pressKey({ key: 'r', code: 'KeyR', control: true })).toBe(true);
    expect(wc.pressKey({ key: 'R', code: 'KeyR', control: true, shift: true })).toBe(true);
    expect(wc.pressKey({ key: 'F5', code: 'F5' })).toBe(true);
    expect(wc.pressKey({ key: 'F11', code: 'F11' })).toBe(true);
    expect(wc.pressKey({ key: 'I', code: 'KeyI', control: true, shift: true })).toBe(true);
    expect(wc.pressKey({ key: 'F12', code: 'F12' })).toBe(true);
    expect(wc.pressKey({ key: 'F12', code: 'F12', type: 'keyUp' })).toBe(true);
    // A keyboard-mode reader's burst and the console's forms pass.
    for (const digit of '0004512345') expect(wc.pressKey({ key: digit, code: `Digit${digit}` })).toBe(false);
    expect(wc.pressKey({ key: 'Enter', code: 'Enter' })).toBe(false);
    expect(wc.pressKey({ key: 'v', code: 'KeyV', control: true })).toBe(false);
    // One line per refused key press (not per release).
    expect(lines.filter((l) => l.startsWith('[main] shortcut ignored')).length).toBe(10);
    expect(lines).toContain('[main] shortcut ignored in the kiosk window: close-window');
  });

  it('refuses to close (Alt+F4 reaching the OS, the taskbar) until the app quits, and then lets it', () => {
    const { win, lines, lock } = openWindow(true);
    const kioskLock = lock();
    expect(win.close()).toBe(false);
    expect(win.close()).toBe(false);
    expect(win.isDestroyed()).toBe(false);
    expect(lines).toContain('[main] the kiosk window refused to close: an admin leaves through the console with their PIN');
    expect(kioskLock.released).toBe(false);
    electronFake.app.quit();
    expect(kioskLock.released).toBe(true);
    expect(win.isDestroyed()).toBe(true);
  });

  it('lets the window close once released (the admin left), and when Windows ends the session', () => {
    const first = openWindow(true);
    const released = first.lock();
    released.release('an admin left through the console');
    expect(first.win.close()).toBe(true);
    expect(first.lines).toContain('[main] the kiosk window may close: an admin left through the console');

    const second = openWindow(true);
    second.lock();
    expect(second.win.close()).toBe(false);
    second.win.emit('session-end', {});
    expect(second.win.close()).toBe(true);
  });

  it('a window without the lock (run from the sources) closes and takes every key', () => {
    const { win } = openWindow(false);
    expect(win.webContents.pressKey({ key: 'F12', code: 'F12' })).toBe(false);
    expect(win.close()).toBe(true);
  });
});
