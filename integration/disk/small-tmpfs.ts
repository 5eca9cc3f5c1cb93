// A real small disk for tests: a tmpfs of a few MiB mounted on a temporary folder (needs root), a filler file that
// takes every free byte, and freeing it again. Where mounting is not permitted, `reason` says why and tests skip.
import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk answers ENOSPC, then gives back `leaveBytes` (a few pages for a small file). */
  fill(leaveBytes?: number): void;
  /** Deletes the filler. */
  free(): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMiB: number): { disk: SmallDisk; reason: null } | { disk: null; reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'esik-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr).trim() : '';
    return { disk: null, reason: `cannot mount a tmpfs (${stderr || (error instanceof Error ? error.message : String(error))})` };
  }
  const filler = join(dir, 'filler');
  return {
    reason: null,
    disk: {
      dir,
      fill: (leaveBytes = 0) => {
        const fd = openSync(filler, 'a');
        try {
          // Big chunks first, then single pages for the last bytes; a tmpfs of a few MiB ends the loop in a few thousand writes.
          for (const chunk of [Buffer.alloc(256 * 1024), Buffer.alloc(4096)]) {
            for (let i = 0; i < 100_000; i++) {
              try {
                writeSync(fd, chunk);
              } catch (error) {
                if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOSPC') break;
                throw error;
              }
            }
          }
          if (leaveBytes > 0) ftruncateSync(fd, Math.max(0, fstatSync(fd).size - leaveBytes));
        } finally {
          closeSync(fd);
        }
      },
      free: () => rmSync(filler, { force: true }),
      unmount: () => {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
        rmSync(dir, { recursive: true, force: true });
      },
    },
  };
}
