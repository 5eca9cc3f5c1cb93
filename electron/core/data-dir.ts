// Where the kiosk keeps its database: the same folder Electron's app.getPath('userData') gives for "Esik",
// so the web host and the Electron shell on one machine share one store.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ESIK_DATA_DIR) return env.ESIK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Esik');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Esik');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Esik');
}
