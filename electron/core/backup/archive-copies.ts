// The yearly archive files (ledger/archive/) are covered by the backups: each is copied once into backups/archive/ and,
// encrypted, into the second place's archive/ folder. They never change after they are written (their sha256 is in the
// live database's archive boundary), so a copy already there is never taken again, and the copies' retention never
// prunes them. A failure is logged and tried again after the next good copy; the records' copies go on regardless.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { syncFile, syncFolder } from '../files/atomic-write.js';
import { encryptFile, type BackupKey } from './backup-crypto.js';
import { backupsDir } from './backup-manifest.js';
import { ENCRYPTED_SUFFIX } from './second-place.js';

export const ARCHIVE_COPIES_FOLDER = 'archive';
const ARCHIVE_FILE = /^esik-\d{4}\.sqlite$/;

/** Copies the archive files not yet copied; answers the names copied (locally, and encrypted to the second place). */
export async function copyArchiveFiles(input: {
  dataDir: string;
  /** The second place's archive folder (inside its device folder) and the key; null: no second place. */
  secondPlace: { folder: string; key: BackupKey } | null;
  log: (line: string) => void;
}): Promise<{ local: string[]; secondPlace: string[] }> {
  const source = join(input.dataDir, ARCHIVE_COPIES_FOLDER);
  const done = { local: [] as string[], secondPlace: [] as string[] };
  if (!existsSync(source)) return done;
  const files = readdirSync(source).filter((name) => ARCHIVE_FILE.test(name));
  const local = join(backupsDir(input.dataDir), ARCHIVE_COPIES_FOLDER);
  for (const name of files) {
    const target = join(local, name);
    if (existsSync(target)) continue;
    try {
      mkdirSync(local, { recursive: true, mode: 0o700 });
      copyFileSync(join(source, name), `${target}.partial`);
      syncFile(`${target}.partial`);
      renameSync(`${target}.partial`, target);
      syncFolder(local);
      done.local.push(name);
    } catch (error) {
      rmSync(`${target}.partial`, { force: true });
      input.log(`[backup] archive file ${name} not copied: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const place = input.secondPlace;
  if (place === null) return done;
  for (const name of files) {
    const target = join(place.folder, `${name}${ENCRYPTED_SUFFIX}`);
    try {
      if (existsSync(target)) continue;
      mkdirSync(place.folder, { recursive: true });
      await encryptFile(join(source, name), target, place.key);
      syncFolder(place.folder);
      done.secondPlace.push(name);
    } catch (error) {
      input.log(`[backup] archive file ${name} not written to the second place: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return done;
}
