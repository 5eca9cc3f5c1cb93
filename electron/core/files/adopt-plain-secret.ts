// Earlier versions kept the QR signing key and the PIN pepper as plain files in the data folder. At start each is read,
// checked, put into the SecretStore (sealed where the OS can), read back, and only then removed, so a crash at any
// point leaves the secret in at least one place. A file that cannot be read is left where it is for an admin.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFolder, tightenMode } from './atomic-write.js';
import type { SecretName, SecretStore } from './secret-store.js';

export type Adopted = 'none' | 'moved' | 'leftover-removed';

/**
 * Moves the plain file at `path` into `secrets` under `name`. `toSecret` turns its bytes into the stored text and
 * throws when they are damaged (the file is then kept, and the error goes to the caller).
 */
export function adoptPlainSecret(secrets: SecretStore, name: SecretName, path: string, toSecret: (bytes: Buffer) => string): Adopted {
  if (!existsSync(path)) return 'none';
  if (secrets.has(name)) {
    // A crash between storing and removing: the store's copy is the one, if this session can read it.
    if (secrets.get(name) === null) return 'none';
    removePlain(path);
    return 'leftover-removed';
  }
  tightenMode(path, 0o600);
  const value = toSecret(readFileSync(path));
  secrets.set(name, value);
  if (secrets.get(name) !== value) throw new Error(`the ${name} written to the secret store does not read back; the plain file ${path} is kept`);
  removePlain(path);
  return 'moved';
}

function removePlain(path: string): void {
  rmSync(path, { force: true });
  syncFolder(dirname(path));
}
