// `node dist/web/cli.mjs`: runs the kiosk core in the loopback web host and opens the UI in an app window.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../core/files/data-dir.js';
import { BACKGROUND_START_MS, KioskCore } from '../core/kiosk-core.js';
import { logUncaught, openKioskLog } from '../core/logging/kiosk-log.js';
import { runRestoreCommand } from '../core/backup/restore/restore-command.js';
import { FileSecretStore } from '../core/files/secret-store.js';
import { openAppWindow } from './app-window.js';
import { parseCommandLine, USAGE } from './cli-args.js';
import { passCrashLoopGate } from './crash-loop-gate.js';
import { LINK_FILE_NAME } from './request-checks.js';
import { startWebHost } from './web-host.js';
import { startsAsDemo } from '../core/setup/demo-mode.js';

// Whatever the kiosk writes (the database, exports, the launch link, the browser profile) is its user's alone.
process.umask(0o077);

const command = parseCommandLine(process.argv.slice(2), process.env);
if (command.kind === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (command.kind === 'wrong') {
  console.error(`esik: ${command.message}`);
  console.error(USAGE);
  process.exit(2);
}
if (command.kind === 'restore') process.exit(await restoreFromCommandLine(command.args));
const options = command.options;

const dataDir = options.dataDir ?? defaultDataDir();
// Rotating JSON lines in <dataDir>/logs/; every line is printed too (ESIK_LOG_ECHO=0 keeps the console to the
// machine-readable lines below).
const kioskLog = openKioskLog({ dataDir, proc: 'web', echo: process.env.ESIK_LOG_ECHO !== '0' });
logUncaught(kioskLog);
const log = kioskLog.line;
// After too many failed starts: the recovery screen until someone presses "try again" (electron/core/start-guard/).
await passCrashLoopGate({ dataDir, log, port: options.port, window: options.noWindow ? null : { profileDir: join(dataDir, 'browser-profile'), kiosk: options.kiosk } });
const here = fileURLToPath(new URL('.', import.meta.url));
// Sync with the city runs in its worker thread (dist/sync-worker.mjs, built beside this file's folder).
const syncWorker = join(here, '../sync-worker.mjs');
// The full database check after start-up runs in its worker thread too (dist/chain-audit-worker.mjs).
const auditWorker = join(here, '../chain-audit-worker.mjs');
// And so do the automatic backups (dist/backup-worker.mjs).
const backupWorker = join(here, '../backup-worker.mjs');
// And the peer link with the kindergarten's other computers (dist/peer-worker.mjs).
const peerWorker = join(here, '../peer-worker.mjs');
const core = new KioskCore({
  dataDir,
  // Run from the sources: the demo unless --no-demo or ESIK_DEMO=0 (electron/core/setup/demo-mode.ts).
  demo: startsAsDemo({ packaged: false, demoFlag: options.demo, noDemoFlag: options.noDemo, env: process.env.ESIK_DEMO }),
  sync: existsSync(syncWorker) ? { workerScript: syncWorker } : {},
  audit: { workerScript: existsSync(auditWorker) ? auditWorker : null },
  backup: { workerScript: existsSync(backupWorker) ? backupWorker : null },
  // Listens only while this computer has peers or a pairing code open (docs/peers.md §2).
  peers: { ...(existsSync(peerWorker) ? { workerScript: peerWorker } : {}), ...(options.peerPort === undefined ? {} : { port: options.peerPort }) },
  // The door answers first; the push, the roster pulls and the full check start a moment later.
  backgroundAfterMs: BACKGROUND_START_MS,
  log,
  shell: { kind: 'web', version: packageVersion() },
  // The web host never installs: it checks a feed or a folder. ESIK_UPDATE_TRUST_KEY adds a public key to check against
  // (a vendor trying its feed before release, the browser tests); Electron trusts only the keys built in.
  updates: { extraTrustedKeys: process.env.ESIK_UPDATE_TRUST_KEY ? [process.env.ESIK_UPDATE_TRUST_KEY] : [] },
  // An admin who leaves the kiosk from the console stops the host; the web host manages no login item.
  kioskShell: { leave: () => shutdown('an admin left the kiosk from the console'), startAtLogin: null },
});
const linkFile = join(dataDir, LINK_FILE_NAME);
const host = await startWebHost({ core, rendererDir: join(here, '../renderer'), port: options.port, linkFile, log });

log(`[web] data folder: ${dataDir}`);
// Machine-readable lines: tests and scripts wait for them instead of sleeping. Neither carries a secret: the link
// that opens the kiosk is in the link file (0600), never on stdout, where logs and other users' tools may see it.
console.log(`ESIK_URL ${host.origin}/`);
console.log(`ESIK_LINK_FILE ${linkFile}`);
const howToOpen = `open the link in ${linkFile} in Chromium, Chrome or Edge (each link opens the kiosk once; a new one is written there when it is used)`;

if (options.noWindow) log(`[web] no app window was asked for: ${howToOpen}`);
else {
  // The window's command line (readable in /proc by every local user) carries a link that is spent once the window has loaded.
  const window = openAppWindow(host.launchUrl(), join(dataDir, 'browser-profile'), options.kiosk);
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

/** `restore …`: with the kiosk stopped, the PIN (and passphrase) read line by line from standard input. */
async function restoreFromCommandLine(args: string[]): Promise<number> {
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  try {
    return await runRestoreCommand(args, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      ask: async (question) => {
        process.stderr.write(question);
        const next = await lines.next();
        return next.done === true ? null : String(next.value);
      },
      defaultDataDir: defaultDataDir(),
      secrets: (dir) => new FileSecretStore(dir, { cipher: null, log: (line) => console.error(line) }),
      nativeBinding: null,
      now: () => new Date(),
    });
  } finally {
    await lines.return?.();
  }
}
