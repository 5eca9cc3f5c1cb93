// Native parts for whichever runtime is about to run: better-sqlite3 built for Node (tests, web host) or for
// Electron (kept apart in .native/, so both work side by side), and the Electron binary where it can be had.
// Install scripts are off (.npmrc), so this is where those builds happen, once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

/** better-sqlite3 loadable by this Node; built from source the first time (about 90 s). */
export function ensureNodeSqlite() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  });
  if (probe.status === 0) return;
  console.log('[native] building better-sqlite3 for Node ' + process.version + ' (once, about 90 s)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = run(npm, ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('[native] better-sqlite3 could not be built for Node; see the compiler output above');
}

/** Path of the Electron executable, downloading it once if possible; or null with the reason. */
export function ensureElectronBinary() {
  const installed = electronExecutable();
  if (installed.path) return installed;
  if (!existsSync(join(root, 'node_modules/electron/install.js'))) return installed;
  const result = spawnSync(process.execPath, ['install.js'], {
    cwd: join(root, 'node_modules/electron'),
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) {
    const why = (result.stderr || result.stdout || '').split('\n').find((line) => /Error/.test(line)) ?? 'download failed';
    return { path: null, reason: `the Electron binary could not be downloaded (${why.trim()})` };
  }
  return electronExecutable();
}

function electronExecutable() {
  try {
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { path, reason: null };
    return { path: null, reason: 'the Electron binary is not installed' };
  } catch (error) {
    return { path: null, reason: `the Electron binary is not installed (${error instanceof Error ? error.message.split('\n')[0] : error})` };
  }
}

/** better-sqlite3 built against Electron's headers, kept in .native/electron-<version>/. */
export function ensureElectronSqlite() {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const target = join(root, '.native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  console.log(`[native] building better-sqlite3 for Electron ${version} (once)…`);
  const nodeGyp = findNodeGyp();
  const moduleDir = dirname(require.resolve('better-sqlite3/package.json'));
  const buildDir = join(root, '.native', 'build-electron');
  const copy = run(process.execPath, ['-e', `require('node:fs').cpSync(${JSON.stringify(moduleDir)}, ${JSON.stringify(buildDir)}, { recursive: true, filter: (s) => !s.includes('/build/') })`]);
  if (copy.status !== 0) throw new Error('[native] could not copy better-sqlite3 for the Electron build');
  const result = run(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], {
    cwd: buildDir,
  });
  if (result.status !== 0) throw new Error('[native] better-sqlite3 could not be built for Electron; see the output above');
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(buildDir, 'build/Release/better_sqlite3.node'), target);
  return target;
}

function findNodeGyp() {
  const candidates = [
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '../node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('[native] node-gyp not found next to npm');
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? 'node';
  if (what === 'node') ensureNodeSqlite();
  else if (what === 'electron') console.log(ensureElectronBinary());
  else throw new Error(`usage: node scripts/native.mjs [node|electron]`);
}
