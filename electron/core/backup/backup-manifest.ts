// Where the copies live and the small manifest kept beside each one (`<copy>.json`): written last and atomically, so a
// copy without its manifest is an unfinished one, never listed. The manifest is everything a restore needs to choose a
// copy without opening it (shared/admin/backup-contract.ts, BackupCopy), and it outlives the records file it was taken of.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupCopySchema, type BackupCopy, type BackupKind } from '../../../shared/admin/backup-contract.js';
import { tightenMode, writeFileAtomic } from '../files/atomic-write.js';

/** `<dataDir>/backups`: the verified copies and their manifests. */
export const BACKUPS_FOLDER = 'backups';
/** `backups/failed`: copies that failed their check, kept aside (never counted as good) with a manifest saying why. */
export const FAILED_FOLDER = 'failed';
/** `backups/.incoming`: a copy being taken; whatever is left there by a crash is removed by the next run. */
export const INCOMING_FOLDER = '.incoming';

/** The manifest file's own format version, so a later build can read (or refuse) an older one knowingly. */
const ManifestFileSchema = BackupCopySchema.extend({ format: z.literal(1) });

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

/** A folder of the backups, made private (0700) if missing. */
export function ensurePrivateFolder(path: string): string {
  if (!existsSync(path)) mkdirSync(path, { recursive: true, mode: 0o700 });
  tightenMode(path, 0o700);
  return path;
}

/** `esik-20261203T073800123Z-hourly.sqlite`: UTC time first, so names sort by time. */
export function copyFileName(takenMs: number, kind: BackupKind): string {
  const stamp = new Date(takenMs).toISOString().replace(/[-:.]/g, '');
  return `esik-${stamp}-${kind}.sqlite`;
}

export function manifestPath(folder: string, file: string): string {
  return join(folder, `${file}.json`);
}

export function writeManifest(folder: string, copy: BackupCopy): void {
  writeFileAtomic(manifestPath(folder, copy.file), `${JSON.stringify({ format: 1, ...BackupCopySchema.parse(copy) }, null, 2)}\n`);
}

/**
 * The copies in `folder` that have a readable manifest and whose file is there, newest first. A manifest that is not
 * JSON or not of this format is skipped and reported through `skipped`: one damaged manifest never hides the others.
 */
export function listCopies(folder: string, skipped: (file: string, why: string) => void = () => undefined): BackupCopy[] {
  if (!existsSync(folder)) return [];
  const copies: BackupCopy[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.sqlite.json')) continue;
    try {
      const parsed = ManifestFileSchema.safeParse(JSON.parse(readFileSync(join(folder, name), 'utf8')));
      if (!parsed.success) {
        skipped(name, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        continue;
      }
      // The copy's fields alone (zod leaves out the format key).
      const copy = BackupCopySchema.parse(parsed.data);
      if (`${copy.file}.json` !== name) {
        skipped(name, `names another file (${copy.file})`);
        continue;
      }
      if (!existsSync(join(folder, copy.file))) continue;
      copies.push(copy);
    } catch (error) {
      skipped(name, error instanceof Error ? error.message : String(error));
    }
  }
  return copies.sort((a, b) => b.takenMs - a.takenMs);
}
