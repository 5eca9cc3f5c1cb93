// `node dist/web/cli.mjs`: runs the kiosk core in the loopback web host and opens the UI in an app window.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../core/files/data-dir.js';
import { BACKGROUND_START_MS, KioskCore } from '../core/kiosk-core.js';
import { logUncaught, openKioskLog } from '../core/logging/kiosk-log.js';
import { openAppWindow } from './app-window.js';
import { LINK_FILE_NAME } from './request-checks.js';
import { startWebHost } from './web-host.js';

// Whatever the kiosk writes (the database, exports, the launch link, the browser profile) is its user's alone.
process.umask(0o077);

const { values } = parseArgs({
  options: {
    'no-window': { type: 'boolean', default: process.env.ESIK_NO_WINDOW === '1' },
    'data-dir': { type: 'string' },
    port: { type: 'string', default: process.env.ESIK_PORT ?? '0' },
    'no-demo': { type: 'boolean', default: false },
    kiosk: { type: 'boolean', default: false },
  },
});

const dataDir = values['data-dir'] ?? defaultDataDir();
// Rotating JSON lines in <dataDir>/logs/; every line is printed too (ESIK_LOG_ECHO=0 keeps the console to the
// machine-readable lines below).
const kioskLog = openKioskLog({ dataDir, proc: 'web', echo: process.env.ESIK_LOG_ECHO !== '0' });
logUncaught(kioskLog);
const log = kioskLog.line;
const here = fileURLToPath(new URL('.', import.meta.url));
// Sync with the city runs in its worker thread (dist/sync-worker.mjs, built beside this file's folder).
const syncWorker = join(here, '../sync-worker.mjs');
// The full database check after start-up runs in its worker thread too (dist/chain-audit-worker.mjs).
const auditWorker = join(here, '../chain-audit-worker.mjs');
// And so do the automatic backups (dist/backup-worker.mjs).
const backupWorker = join(here, '../backup-worker.mjs');
const core = new KioskCore({
  dataDir,
  demo: !values['no-demo'],
  sync: existsSync(syncWorker) ? { workerScript: syncWorker } : {},
  audit: { workerScript: existsSync(auditWorker) ? auditWorker : null },
  backup: { workerScript: existsSync(backupWorker) ? backupWorker : null },
  // The door answers first; the push, the roster pulls and the full check start a moment later.
  backgroundAfterMs: BACKGROUND_START_MS,
  log,
  shell: { kind: 'web', version: packageVersion() },
});
const linkFile = join(dataDir, LINK_FILE_NAME);
const host = await startWebHost({ core, rendererDir: join(here, '../renderer'), port: Number(values.port), linkFile, log });

log(`[web] data folder: ${dataDir}`);
// Machine-readable lines: tests and scripts wait for them instead of sleeping. Neither carries a secret: the link
// that opens the kiosk is in the link file (0600), never on stdout, where logs and other users' tools may see it.
console.log(`ESIK_URL ${host.origin}/`);
console.log(`ESIK_LINK_FILE ${linkFile}`);
const howToOpen = `open the link in ${linkFile} in Chromium, Chrome or Edge (each link opens the kiosk once; a new one is written there when it is used)`;

if (values['no-window']) log(`[web] no app window was asked for: ${howToOpen}`);
else {
  // The window's command line (readable in /proc by every local user) carries a link that is spent once the window has loaded.
  const window = openAppWindow(host.launchUrl(), join(dataDir, 'browser-profile'), values.kiosk);
  if ('reason' in window) log(`[web] no app window: ${window.reason}. To use the kiosk, ${howToOpen}.`);
  else {
    const opened = Date.now();
    window.process.on('exit', (code) => {
      // A browser already running on this profile takes the window over and its new process exits at once.
      if (code === 0 && Date.now() - opened < 3000) log('[web] the window opened in the browser already running; Ctrl+C stops the kiosk');
      else shutdown(`the app window was closed (browser exit code ${code ?? 'none'})`);
    });
  }
}

let stopping = false;
function shutdown(why: string): void {
  if (stopping) return;
  stopping = true;
  log(`[web] stopping: ${why}`);
  void host.close().finally(() => {
    core.close();
    kioskLog.close();
    process.exit(0);
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

/** The version the diagnostics page shows: package.json's, two folders up from dist/web/. */
function packageVersion(): string {
  try {
    const parsed = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
