// Where exports are written: the data folder's exports/ folder, the one folder the web host's download route serves.
// A file appears there whole or not at all (files/atomic-write.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalTime } from '../../../../shared/domain/local-time.js';
import { writeFileAtomic } from '../../files/atomic-write.js';

export function exportsDirOf(dataDir: string): string {
  return join(dataDir, 'exports');
}

export interface ExportedFile {
  fileName: string;
  path: string;
  bytes: number;
}

/** "20261223-101530-3fa2": when, and a few random hex digits so two exports in one second never collide. */
export function exportStamp(at: LocalTime): string {
  return `${at.iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}-${randomBytes(2).toString('hex')}`;
}

export function writeExport(dataDir: string, fileName: string, body: Buffer): ExportedFile {
  const dir = exportsDirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  writeFileAtomic(path, body);
  return { fileName, path, bytes: body.length };
}
