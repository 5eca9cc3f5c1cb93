// Writes a small file only the kiosk's user may read (0600), whole or not at all: written beside its final name,
// then renamed over it, so a reader never sees half of it and a crash leaves the old one.
import { closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export function writePrivateFile(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
