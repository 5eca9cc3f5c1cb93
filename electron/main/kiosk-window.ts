// The kiosk window: full screen, isolated and sandboxed, reloaded if its renderer dies or hangs.
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from '../../shared/api/ipc-channels.js';

export function createKioskWindow(options: { preload: string; kiosk: boolean; log: (line: string) => void }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0b3d2e',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      autoplayPolicy: 'no-user-gesture-required',
      devTools: !options.kiosk,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    options.log(`[main] renderer gone (${details.reason}); reloading`);
    setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(`${APP_ORIGIN}/index.html`);
    }, 500);
  });
  win.on('unresponsive', () => {
    options.log('[main] renderer unresponsive; reloading');
    win.webContents.forcefullyCrashRenderer();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function rendererDirBeside(mainDir: string): string {
  return join(mainDir, '../renderer');
}
