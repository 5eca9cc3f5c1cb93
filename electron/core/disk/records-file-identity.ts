// Whether the records file the core holds open is still the one its path names. A disk that is pulled, a network
// share that drops or a file system detached from under the running kiosk leaves the open file behind while the path
// names nothing (or another file): writes may still "succeed" into a file nobody can reach again.
import { statSync } from 'node:fs';

export interface FileIdentity {
  dev: number;
  ino: number;
}

/** The file's device and inode, or null when the path names nothing. */
export function identityOf(path: string): FileIdentity | null {
  try {
    const stat = statSync(path);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/** Why the path no longer names the file first seen there, or null while it does. */
export function goneBecause(path: string, opened: FileIdentity): string | null {
  const now = identityOf(path);
  if (now === null) return `${path} cannot be reached (the disk or the folder is gone)`;
  if (now.dev !== opened.dev || now.ino !== opened.ino) return `${path} is now another file (the disk was replaced or remounted)`;
  return null;
}
