// Where the electron package's binary is, or why there is none (the binary is downloaded on install; an offline
// machine has the package without it). Tests that need it skip with this reason printed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './kiosk-host.js';

export function electronBinary(): { path: string | null; reason: string } {
  try {
    const path = createRequire(join(repoRoot, 'package.json'))('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path, reason: '' };
    return { path: null, reason: 'the electron package has no binary on this machine' };
  } catch (error) {
    return { path: null, reason: `no Electron binary (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}
