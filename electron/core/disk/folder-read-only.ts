// Tells a file system mounted read-only (the kernel does that to a failing disk) from a file the kiosk may not write:
// only the first is disk trouble that ends by itself, so only it is shown as "cannot record" with the probe running.
import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from '../db/storage-failure.js';

/** True when creating a file in `dir` fails with EROFS. */
export function folderReadOnly(dir: string): boolean {
  const path = join(dir, `.esik-write-check-${process.pid}`);
  try {
    closeSync(openSync(path, 'w', 0o600));
    rmSync(path, { force: true });
    return false;
  } catch (error) {
    return errorCode(error) === 'EROFS';
  }
}
