// The Electron shell: the only code that imports 'electron'. It hosts the same KioskCore as the web host
// and binds KioskApi to ipcMain, answering only the app's own main frame.
import { app, powerSaveBlocker } from 'electron';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { IPC_EVENT } from '../../shared/api/ipc-channels.js';
import { BACKGROUND_START_MS, KioskCore } from '../core/kiosk-core.js';
import { logUncaught, openKioskLog } from '../core/logging/kiosk-log.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { createKioskWindow, rendererDirBeside } from './kiosk-window.js';
import { passCrashLoopGate } from './crash-loop-screen.js';
import { electronSaveFileAs } from './save-dialog.js';
import { runRestoreCommand } from '../core/backup/restore/restore-command.js';
import { appArguments, MAIN_USAGE, parseMainCommandLine } from './main-args.js';
import { electronSecretStore } from './secret-store.js';
import { shellUpdateInstaller } from './updater.js';
import { lockDownSession } from './security.js';
import { bindKioskApi } from './ipc-bridge.js';
import { lockKioskWindow } from './kiosk-lock.js';
import { applyLoginItem, loginItemPlan } from './auto-start.js';
import { startsAsDemo } from '../core/setup/demo-mode.js';

const command = parseMainCommandLine(appArguments(process.argv, process.defaultApp === true));
if (command.kind === 'help') {
  console.log(MAIN_USAGE);
  process.exit(0);
}
if (command.kind === 'wrong') {
  console.error(`esik: ${command.message}`);
  console.error(MAIN_USAGE);
  process.exit(2);
}
const dataDir = (command.kind === 'run' ? command.dataDir : undefined) ?? process.env.ESIK_DATA_DIR ?? app.getPath('userData');
// Rotating JSON lines in <dataDir>/logs/, printed as well when run from the sources (npm start).
const kioskLog = openKioskLog({ dataDir, proc: 'main', echo: !app.isPackaged });
logUncaught(kioskLog);
const log = kioskLog.line;
const kioskMode = process.env.ESIK_KIOSK !== '0' && app.isPackaged;

if (command.kind === 'restore') {
  void app.whenReady().then(() => restoreFromCommandLine(command.args));
} else if (!app.requestSingleInstanceLock()) {
  log('[main] another Esik is already running; quitting');
  app.quit();
} else {
  registerAppScheme();
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function start(): void {
  lockDownSession();
  // After too many failed starts: the recovery screen instead of the core (electron/core/start-guard/).
  if (!passCrashLoopGate(dataDir, kioskMode, log)) return;
  serveRenderer(rendererDirBeside(__dirname));
  const loginItemWhere = { platform: process.platform, packaged: app.isPackaged };
  const loginItemHere = loginItemPlan({ ...loginItemWhere, wanted: true });
  if (loginItemHere.kind === 'none') applyLoginItem(loginItemHere, log);
  const core = new KioskCore({
    dataDir,
    // An installed kiosk is never the public demo unless started with --demo (electron/core/setup/demo-mode.ts).
    demo: startsAsDemo({
      packaged: app.isPackaged,
      demoFlag: command.kind === 'run' && command.demoFlag,
      noDemoFlag: command.kind === 'run' && command.noDemoFlag,
      env: process.env.ESIK_DEMO,
    }),
    // The city token sealed by the OS keystore where there is one (safeStorage needs app 'ready': it is).
    secrets: electronSecretStore(dataDir, log),
    ...(process.env.ESIK_SQLITE_BINDING ? { nativeBinding: process.env.ESIK_SQLITE_BINDING } : {}),
    log,
    // Sync with the city in its worker thread, built beside this file's folder (dist/sync-worker.mjs).
    sync: { workerScript: join(__dirname, '..', 'sync-worker.mjs') },
    // The full database check after start-up in its own worker thread (dist/chain-audit-worker.mjs).
    audit: { workerScript: join(__dirname, '..', 'chain-audit-worker.mjs') },
    // The automatic backups, copied and verified in their worker thread (dist/backup-worker.mjs).
    backup: { workerScript: join(__dirname, '..', 'backup-worker.mjs') },
    // The peer link with the kindergarten's other computers in its worker thread (dist/peer-worker.mjs).
    peers: { workerScript: join(__dirname, '..', 'peer-worker.mjs'), ...(command.kind === 'run' && command.peerPort !== undefined ? { port: command.peerPort } : {}) },
    // The door answers first; the push, the roster pulls and the full check start a moment later.
    backgroundAfterMs: BACKGROUND_START_MS,
    // Exports go where the head chooses through the OS save dialog.
    saveFileAs: electronSaveFileAs,
    shell: { kind: 'electron', version: app.getVersion() },
    // electron-updater on the generic feed the core checked; it downloads and installs only when the core says so.
    updates: { installer: shellUpdateInstaller(log) },
    // An admin leaves from the console with their PIN (the window's lock lets go as the app quits), and switches the
    // login item where there is one (the installed app on Windows).
    kioskShell: {
      leave: () => app.quit(),
      startAtLogin: loginItemHere.kind === 'set' ? (on) => applyLoginItem(loginItemPlan({ ...loginItemWhere, wanted: on }), log) : null,
    },
  });

  bindKioskApi(core.handlers, log);

  const win = createKioskWindow({ preload: join(__dirname, 'preload.cjs'), kiosk: kioskMode, log });
  // In kiosk mode the window stays in front: no closing, reloading or developer tools from the keyboard.
  if (kioskMode) lockKioskWindow(win, log);
  core.onEvent((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, name, payload);
  });
  const blocker = powerSaveBlocker.start('prevent-display-sleep');

  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('will-quit', () => {
    powerSaveBlocker.stop(blocker);
    core.close();
    kioskLog.close();
  });
  log(`[main] Esik ${app.getVersion()} on Electron ${process.versions.electron}; data folder ${dataDir}`);
}

/**
 * `esik restore …`: only while no kiosk runs (the single-instance lock), with the PIN sealed store's pepper (safeStorage
 * needs app 'ready'), the PIN and passphrase read line by line from standard input.
 */
async function restoreFromCommandLine(args: string[]): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    console.error('esik restore: Esik is running: quit it first');
    app.exit(1);
    return;
  }
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const code = await runRestoreCommand(args, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ask: async (question) => {
      process.stderr.write(question);
      const next = await lines.next();
      return next.done === true ? null : String(next.value);
    },
    defaultDataDir: dataDir,
    secrets: (dir) => electronSecretStore(dir, log),
    nativeBinding: process.env.ESIK_SQLITE_BINDING ?? null,
    now: () => new Date(),
  });
  kioskLog.close();
  app.exit(code);
}
