// The copies a restore may choose, newest first: the verified local copies (their manifests say what they hold) and
// the encrypted ones at the second place (time and kind from the name; what they hold from the local twin's manifest
// when it is still kept, else known only once decrypted). Reads folder listings and a few small files; opens no copy.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCopy } from '../../../../shared/admin/backup-contract.js';
import type { CopyChoice, RestorableCopy } from '../../../../shared/admin/restore-contract.js';
import { backupsDir, listCopies } from '../backup-manifest.js';
import { ENCRYPTED_SUFFIX, parseEncryptedName, SECOND_PLACE_FOLDER } from '../second-place.js';

export interface RestorableList {
  copies: RestorableCopy[];
  /** How the second place answered: none set, listed, or not reachable now (a stick pulled out). */
  secondPlace: 'none' | 'listed' | 'unreachable';
}

const skippedQuietly = (): void => undefined;

/** The local copies that passed their check, as restorable copies. */
export function localCopies(dataDir: string, skipped: (file: string, why: string) => void = skippedQuietly): RestorableCopy[] {
  return listCopies(backupsDir(dataDir), skipped)
    .filter((copy) => copy.verified)
    .map((copy) => ({ source: 'local', file: copy.file, kind: copy.kind, takenAt: copy.takenAt, takenMs: copy.takenMs, counts: copy.counts, head: copy.head, bytes: copy.bytes }));
}

/** The encrypted copies under `<folder>/esik-backups/<device>/`, every device's (a replaced kiosk restores its predecessor's). */
function secondPlaceCopies(folder: string, twins: Map<string, BackupCopy>): RestorableCopy[] {
  const root = join(folder, SECOND_PLACE_FOLDER);
  if (!existsSync(root)) return [];
  const copies: RestorableCopy[] = [];
  for (const device of readdirSync(root)) {
    const deviceDir = join(root, device);
    if (!statSync(deviceDir).isDirectory()) continue;
    for (const name of readdirSync(deviceDir)) {
      const parsed = parseEncryptedName(name);
      if (!parsed) continue;
      const twin = twins.get(name.slice(0, -ENCRYPTED_SUFFIX.length));
      copies.push({
        source: 'second-place',
        file: name,
        kind: parsed.kind,
        takenAt: new Date(parsed.takenMs).toISOString(),
        takenMs: parsed.takenMs,
        counts: twin?.counts ?? null,
        head: twin?.head ?? null,
        bytes: statSync(join(deviceDir, name)).size,
      });
    }
  }
  return copies;
}

export function restorableCopies(dataDir: string, secondPlace: string | null, skipped: (file: string, why: string) => void = skippedQuietly): RestorableList {
  const local = localCopies(dataDir, skipped);
  if (secondPlace === null) return { copies: local, secondPlace: 'none' };
  const twins = new Map(listCopies(backupsDir(dataDir), skipped).map((copy) => [copy.file, copy]));
  try {
    const remote = secondPlaceCopies(secondPlace, twins);
    return { copies: [...local, ...remote].sort((a, b) => b.takenMs - a.takenMs), secondPlace: 'listed' };
  } catch (error) {
    skipped(secondPlace, error instanceof Error ? error.message : String(error));
    return { copies: local, secondPlace: 'unreachable' };
  }
}

/** Where the chosen copy's file is, or null when it is not (any more) among the restorable copies. */
export function locateCopy(dataDir: string, secondPlace: string | null, choice: CopyChoice): { path: string; copy: RestorableCopy } | null {
  if (choice.source === 'local') {
    const copy = localCopies(dataDir).find((c) => c.file === choice.file);
    return copy ? { path: join(backupsDir(dataDir), copy.file), copy } : null;
  }
  if (secondPlace === null) return null;
  const root = join(secondPlace, SECOND_PLACE_FOLDER);
  const copy = restorableCopies(dataDir, secondPlace).copies.find((c) => c.source === 'second-place' && c.file === choice.file);
  if (!copy || !existsSync(root)) return null;
  const device = readdirSync(root).find((d) => existsSync(join(root, d, choice.file)));
  return device === undefined ? null : { path: join(root, device, choice.file), copy };
}
