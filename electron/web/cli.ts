// `node dist/web/cli.mjs`: runs the kiosk core in the loopback web host and opens the UI in an app window.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../core/data-dir.js';
import { KioskCore } from '../core/kiosk-core.js';
import { openAppWindow } from './app-window.js';
import { startWebHost } from './web-host.js';

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
const here = fileURLToPath(new URL('.', import.meta.url));
// Sync with the city runs in its worker thread (dist/sync-worker.mjs, built beside this file's folder).
const syncWorker = join(here, '../sync-worker.mjs');
const core = new KioskCore({ dataDir, demo: !values['no-demo'], sync: { workerScript: existsSync(syncWorker) ? syncWorker : null } });
const host = await startWebHost({ core, rendererDir: join(here, '../renderer'), port: Number(values.port) });

console.log(`[web] data folder: ${dataDir}`);
// One machine-readable line: tests and scripts wait for it instead of sleeping.
console.log(`ESIK_URL ${host.url}`);

if (!values['no-window']) {
  const window = openAppWindow(host.url, join(dataDir, 'browser-profile'), values.kiosk);
  if ('reason' in window) console.log(`[web] no app window: ${window.reason}. Open the URL above in Chromium, Chrome or Edge.`);
  else {
    const opened = Date.now();
    window.process.on('exit', (code) => {
      // A browser already running on this profile takes the window over and its new process exits at once.
      if (code === 0 && Date.now() - opened < 3000) console.log('[web] the window opened in the browser already running; Ctrl+C stops the kiosk');
      else shutdown(`the app window was closed (browser exit code ${code ?? 'none'})`);
    });
  }
}

let stopping = false;
function shutdown(why: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`[web] stopping: ${why}`);
  void host.close().finally(() => {
    core.close();
    process.exit(0);
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
