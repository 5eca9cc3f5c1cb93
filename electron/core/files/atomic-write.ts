// The one way the core writes a file whole or not at all: written beside its final name and synced, renamed over it,
// then the folder synced so the rename itself survives a power cut. A reader never sees half a file; a crash leaves
// the old one or the new one. The file is the kiosk user's alone (0600) unless told otherwise.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** The new file's mode; 0600 by default. */
  mode?: number;
  /**
   * Set the mode exactly, past the umask (the default). False for a removable stick: FAT has no modes, reports its
   * mount's, and fails a chmod with EPERM, so the file takes what the folder gives it.
   */
  forceMode?: boolean;
}

export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const mode = options.mode ?? 0o600;
  const folder = dirname(path);
  // A name of its own per write: two writers of one file (or a leftover of a crash) never share a temporary file.
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', mode);
  try {
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The umask may have narrowed the mode asked for at open; never widened it, but say exactly what was meant.
    if (options.forceMode !== false && process.platform !== 'win32' && (statSync(temporary).mode & 0o777) !== mode) chmodSync(temporary, mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(folder);
}

/** Flushes a file written by other means (a stream, SQLite's backup) to the disk before it is renamed into place. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename or removal in `folder` durable (POSIX); Windows cannot open a folder for that and needs none. */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Someone loosened a mode (a backup restore, a copy): tighten it rather than refuse. Windows ignores modes. */
export function tightenMode(path: string, mode: number): void {
  if (process.platform === 'win32') return;
  if ((statSync(path).mode & 0o777 & ~mode) !== 0) chmodSync(path, mode);
}
