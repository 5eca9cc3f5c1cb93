// Opens the kiosk UI in an installed Chromium, Chrome or Edge as an app window (no tabs, no address bar).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const candidates: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  win32: [
    join(process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)', 'Microsoft\\Edge\\Application\\msedge.exe'),
    join(process.env.ProgramFiles ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
    join(process.env.LOCALAPPDATA ?? '', 'Google\\Chrome\\Application\\chrome.exe'),
  ],
};

export function findBrowser(): string | null {
  const fromEnv = process.env.ESIK_BROWSER;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return (candidates[process.platform] ?? []).find((path) => existsSync(path)) ?? null;
}

export type AppWindow = { process: ChildProcess } | { reason: string };

export function openAppWindow(url: string, profileDir: string, kiosk: boolean): AppWindow {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display (DISPLAY is not set)' };
  }
  const browser = findBrowser();
  if (!browser) return { reason: 'no Chromium, Chrome or Edge was found (set ESIK_BROWSER to one)' };
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    '--window-size=1280,800',
    // A door screen: no translate bar over the kiosk's own Kazakh, no pinch zoom or swipe-back on touch screens,
    // no "restore pages?" bubble after a power cut.
    '--disable-features=Translate,TranslateUI',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    ...(kiosk ? ['--kiosk'] : []),
    // Chromium refuses to start as root with its sandbox on (containers, test machines); a kiosk user is never root.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
  const child = spawn(browser, args, { stdio: 'ignore' });
  return { process: child };
}
