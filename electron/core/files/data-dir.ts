// Where the kiosk keeps its database: the same folder Electron's app.getPath('userData') gives for "Esik",
// so the web host and the Electron shell on one machine share one store. The folder holds attendance records,
// keys and the web host's link, so it is the kiosk user's alone: 0700, its files 0600 (Windows ignores modes and
// relies on the profile folder's ACL).
import { chmodSync, existsSync, lstatSync, mkdirSync, openSync, closeSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ESIK_DATA_DIR) return env.ESIK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Esik');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Esik');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Esik');
}

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Creates the data folder, or tightens one made by an older version or restored from a copy: the folder and its
 * subfolders 0700, its files 0600. The database file is made here, empty and 0600, before SQLite opens it, because
 * SQLite creates its -wal and -shm files with the database file's mode.
 */
export function preparePrivateDataDir(dataDir: string, databaseFile: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER });
  if (process.platform === 'win32') return;
  tighten(dataDir, PRIVATE_FOLDER);
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) tighten(path, PRIVATE_FOLDER);
    else if (stat.isFile()) tighten(path, PRIVATE_FILE);
  }
  const database = join(dataDir, databaseFile);
  if (!existsSync(database)) closeSync(openSync(database, 'a', PRIVATE_FILE));
}

function tighten(path: string, mode: number): void {
  if ((lstatSync(path).mode & 0o777 & ~mode) !== 0) chmodSync(path, mode);
}
