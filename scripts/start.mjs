// `npm start`: the kiosk with demo data. Electron when its binary is here; otherwise the same core in the
// loopback web host with the UI in a Chromium/Chrome/Edge app window. Arguments after `--` go to the host
// (`npm start -- --no-window` only starts the host and says where the single-use link to open it is).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronBinary, ensureElectronSqlite, ensureNodeSqlite } from './native.mjs';
import { webHostEnv } from './web-host-env.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function build() {
  const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function runChild(command, childArgs, env) {
  const child = spawn(command, childArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const wantsWebHost = args.includes('--no-window') || process.env.ESIK_NO_WINDOW === '1' || process.env.ESIK_WEB === '1';
const electron = wantsWebHost ? { path: null, reason: 'the web host was asked for' } : ensureElectronBinary();

if (electron.path) {
  const binding = ensureElectronSqlite();
  build();
  console.log('[start] running the kiosk in Electron');
  runChild(electron.path, [join(root, 'dist/electron/main.cjs'), ...args], { ESIK_SQLITE_BINDING: binding });
} else {
  console.log(`[start] Electron is not used: ${electron.reason}. Running the kiosk core in the loopback web host instead.`);
  ensureNodeSqlite();
  build();
  runChild(process.execPath, [join(root, 'dist/web/cli.mjs'), ...args], webHostEnv());
}
