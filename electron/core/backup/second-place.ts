// The second place: each verified copy also goes, encrypted (backup-crypto.ts), to the folder the admin chose, under
// `esik-backups/<device id>/`. The folder itself is never created: a stick that is not plugged in leaves its mount
// point missing (or empty and read-only), and a copy written onto the kiosk's own disk in its place would be no second
// place at all. Whatever goes wrong there is told as it is (missing, full, unwritable) and the local copies go on.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKind, BackupRetention, SecondPlaceState } from '../../../shared/admin/backup-contract.js';
import type { LocalZone } from '../../../shared/domain/local-time.js';
import { encryptFile, type BackupKey } from './backup-crypto.js';
import { copiesToKeep, type RetainedCopy } from './backup-retention.js';
import { syncFolder } from '../files/atomic-write.js';

export const SECOND_PLACE_FOLDER = 'esik-backups';
export const ENCRYPTED_SUFFIX = '.esikbak';

export interface SecondPlaceOutcome {
  state: SecondPlaceState;
  /** The encrypted file's name when written. */
  file: string | null;
  detail: string | null;
}

/** What a file system error at the second place means for the admin. */
export function secondPlaceStateOf(error: unknown): Exclude<SecondPlaceState, 'written'> {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'full';
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'ENOTDIR' || code === 'EIO') return 'missing';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'unwritable';
  return 'failed';
}

export function secondPlaceFolder(folder: string, deviceId: string): string {
  return join(folder, SECOND_PLACE_FOLDER, deviceId);
}

/** Encrypts the verified copy at `copyPath` into the second place, then prunes what the retention no longer keeps. */
export async function writeToSecondPlace(input: {
  folder: string;
  deviceId: string;
  copyPath: string;
  copyFile: string;
  key: BackupKey;
  retention: BackupRetention;
  zone: LocalZone | undefined;
}): Promise<SecondPlaceOutcome> {
  const file = `${input.copyFile}${ENCRYPTED_SUFFIX}`;
  try {
    if (!statSync(input.folder).isDirectory()) return { state: 'missing', file: null, detail: `${input.folder} is not a folder` };
    const target = secondPlaceFolder(input.folder, input.deviceId);
    mkdirSync(target, { recursive: true, mode: 0o700 });
    await encryptFile(input.copyPath, join(target, file), input.key);
    syncFolder(target);
    pruneSecondPlace(target, input.retention, input.zone);
    return { state: 'written', file, detail: null };
  } catch (error) {
    return { state: secondPlaceStateOf(error), file: null, detail: error instanceof Error ? error.message : String(error) };
  }
}

const NAME = /^esik-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z-]+)\.sqlite\.esikbak$/;

/** An encrypted copy's time and kind, read back from its name (its manifest is inside, encrypted). */
export function parseEncryptedName(name: string): RetainedCopy | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, kind] = m;
  if (kind !== 'hourly' && kind !== 'daily' && kind !== 'pre-migration' && kind !== 'manual') return null;
  const takenMs = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(takenMs) ? null : { file: name, kind: kind satisfies BackupKind, takenMs };
}

/** The same retention as the local copies; leftovers of an interrupted write (`.partial`) are removed too. */
function pruneSecondPlace(target: string, retention: BackupRetention, zone: LocalZone | undefined): void {
  const names = readdirSync(target);
  const copies = names.map(parseEncryptedName).filter((c): c is RetainedCopy => c !== null);
  const keep = copiesToKeep(copies, retention, zone);
  for (const name of names) {
    const stale = name.endsWith('.partial') || (parseEncryptedName(name) !== null && !keep.has(name));
    if (stale) rmSync(join(target, name), { force: true });
  }
  if (existsSync(target)) syncFolder(target);
}
