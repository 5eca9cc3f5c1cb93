// The install's PIN pepper: 32 random bytes in a file beside the database, readable by the kiosk's user only (0600;
// Windows relies on the per-user profile folder). A copied database alone is not enough to try PINs offline: the
// hashes are keyed with this secret. Losing the file makes every PIN unusable (staff set new ones); it is never
// replaced by itself while PINs exist, so a missing file is an error the admin sees, not a silent reset.
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const PIN_PEPPER_FILE = 'staff-pin-pepper';
const PEPPER_BYTES = 32;

/** Reads the pepper, or makes it when `mayCreate` (no PIN exists yet that a new pepper would orphan). */
export function ensurePinPepper(dataDir: string, mayCreate: boolean): Buffer {
  const path = join(dataDir, PIN_PEPPER_FILE);
  if (existsSync(path)) return readPepper(path);
  if (!mayCreate) throw new Error(`the staff PIN pepper ${path} is missing: staff PINs must be set again`);
  return writeNewPepper(path);
}

function readPepper(path: string): Buffer {
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const pepper = readFileSync(path);
  if (pepper.length !== PEPPER_BYTES) throw new Error(`the staff PIN pepper ${path} is damaged (${pepper.length} bytes)`);
  return pepper;
}

function writeNewPepper(path: string): Buffer {
  const pepper = randomBytes(PEPPER_BYTES);
  // Written whole and synced beside the final name, then renamed: a crash leaves no half-written secret.
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeFileSync(fd, pepper);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return pepper;
}
