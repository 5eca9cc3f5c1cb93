// Where an upload's bytes wait (upload-store.ts): in memory for a file read whole at once (a roster workbook of a few
// MiB), or on disk for one that may be large (a stick), each in a folder of its own under the file's own name, so the
// reader's audit row names the file read.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { UploadHold } from './upload-store.js';

export interface MemoryHold extends UploadHold {
  bytes: Uint8Array;
}

export function memoryHold(size: number): MemoryHold {
  const bytes = new Uint8Array(size);
  return {
    bytes,
    put: (piece, offset) => bytes.set(piece, offset),
    drop: () => undefined,
  };
}

export interface DiskHold extends UploadHold {
  path: string;
}

/** An empty file at root/uploadId/<name>; dropping it removes the folder. */
export function diskHold(root: string, uploadId: string, fileName: string, fallbackName: string): DiskHold {
  const dir = join(root, uploadId);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, uploadFileName(fileName, fallbackName));
  writeFileSync(path, new Uint8Array(0));
  return {
    path,
    // Pieces come in order (the store checks), so each one goes at the end.
    put: (piece) => appendFileSync(path, piece),
    drop: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The file's own name, kept readable but with nothing a file system refuses (the browser sends the bare name). */
export function uploadFileName(fileName: string, fallbackName: string): string {
  const name = basename(fileName.replace(/\\/g, '/'))
    .replace(/[<>:"|?*\p{Cc}]+/gu, '-')
    .slice(0, 200);
  return name === '' || name === '.' || name === '..' ? fallbackName : name;
}
