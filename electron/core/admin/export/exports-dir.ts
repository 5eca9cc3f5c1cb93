// Where exports are written: the data folder's exports/ folder, the one folder the web host's download route serves.
import { join } from 'node:path';

export function exportsDirOf(dataDir: string): string {
  return join(dataDir, 'exports');
}
