// Keeps the kiosk window in front: no menu (so none of its accelerators), the shortcuts that close, quit, reload or
// open the developer tools swallowed before the page sees them (kiosk-shortcuts.ts), and a close refused unless the
// app itself is quitting: an admin who left through the console (the core's leave request), an update installing, or
// the operating system ending the session.
import { app, Menu, type BrowserWindow } from 'electron';
import { blockedShortcut } from './kiosk-shortcuts.js';

export interface KioskLock {
  /** The window may close from now on (the admin left, or the app is quitting). */
  release(reason: string): void;
  readonly released: boolean;
}

export function lockKioskWindow(win: BrowserWindow, log: (line: string) => void): KioskLock {
  let released = false;
  const lock: KioskLock = {
    release(reason) {
      if (released) return;
      released = true;
      log(`[main] the kiosk window may close: ${reason}`);
    },
    get released() {
      return released;
    },
  };
  Menu.setApplicationMenu(null);
  win.removeMenu();
  win.webContents.on('before-input-event', (event, input) => {
    const shortcut = blockedShortcut(input);
    if (shortcut === null) return;
    event.preventDefault();
    if (input.type === 'keyDown') log(`[main] shortcut ignored in the kiosk window: ${shortcut}`);
  });
  win.on('close', (event) => {
    if (released) return;
    event.preventDefault();
    log('[main] the kiosk window refused to close: an admin leaves through the console with their PIN');
  });
  // app.quit() (the admin's leave, the updater's quitAndInstall) announces itself before closing the windows.
  app.on('before-quit', () => lock.release('the app is quitting'));
  // Windows logging off or shutting down: a window that refuses to close would hold the session open.
  win.on('session-end', () => lock.release('the session is ending'));
  return lock;
}
