// The Electron shell's side of the crash-loop guard (electron/core/start-guard/): after too many failed starts the
// core is not started again; a window shows the recovery screen, and its "try again" clears the count and relaunches.
import { app, BrowserWindow } from 'electron';
import { guardStart } from '../core/start-guard/crash-loop-guard.js';
import { recoveryPageHtml } from '../core/start-guard/recovery-page.js';
import { clearStarts } from '../core/start-guard/start-attempts.js';
import { logFolderOf } from '../core/logging/rotating-log-file.js';

/** A URL the page's form posts to; never loaded, only caught on the way out. */
const RETRY_URL = 'esik-recovery:retry';

/** True when this start may go ahead; false when the recovery window is shown instead (the caller then returns). */
export function passCrashLoopGate(dataDir: string, kiosk: boolean, log: (line: string) => void): boolean {
  const verdict = guardStart({ dataDir, log });
  if (verdict.kind === 'start') return true;
  const html = recoveryPageHtml({ ...verdict, logsDir: logFolderOf(dataDir), retryAction: RETRY_URL });
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, javascript: false },
  });
  win.webContents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (url !== RETRY_URL) return;
    clearStarts(dataDir);
    log('[start] "try again" pressed on the recovery screen: relaunching');
    app.relaunch();
    app.exit(0);
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return false;
}
