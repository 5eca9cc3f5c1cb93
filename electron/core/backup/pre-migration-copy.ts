// The copy taken before a migration to a new schema (db/migrate.ts `copyBefore`): the way back from a bad upgrade.
// Migrations run while the records are being opened, synchronously and before the door answers anything, so this copy
// is SQLite's VACUUM INTO on the opening connection — one consistent snapshot, rowids kept, written as one
// self-contained file — rather than the backup API's stepped copy the scheduled backups take in their worker. It is
// verified like every copy (copy-verify.ts) and listed with them (kind 'pre-migration'); any failure throws, and the
// migration then does not run — except a chain already broken in the records themselves: the copy is then as faithful
// as a copy can be, so it is kept aside (backups/failed, with the reason) and the upgrade goes on, the break still shown.
import type { Database } from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCopy } from '../../../shared/admin/backup-contract.js';
import { syncFile, syncFolder } from '../files/atomic-write.js';
import { freeBytes } from '../db/storage-probe.js';
import { BACKUP_RESERVE_BYTES, putAside } from './backup-job.js';
import { backupsDir, copyFileName, ensurePrivateFolder, INCOMING_FOLDER, writeManifest } from './backup-manifest.js';
import { checkCopy } from './copy-verify.js';

export interface PreMigrationInput {
  dataDir: string;
  from: number;
  to: number;
  nowMs: number;
  nativeBinding: string | null;
}

export function copyBeforeMigration(db: Database, input: PreMigrationInput): BackupCopy {
  const folder = ensurePrivateFolder(backupsDir(input.dataDir));
  const incoming = ensurePrivateFolder(join(folder, INCOMING_FOLDER));
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const needed = Number(db.pragma('page_count', { simple: true })) * pageSize + BACKUP_RESERVE_BYTES;
  const free = freeBytes(folder);
  if (free !== null && free < needed) throw new Error(`BACKUP_NO_ROOM: ${free} bytes free in ${folder}; the copy needs ${needed}`);
  const file = copyFileName(input.nowMs, 'pre-migration');
  const taking = join(incoming, file);
  rmSync(taking, { force: true });
  const started = performance.now();
  try {
    db.prepare('VACUUM INTO ?').run(taking);
    syncFile(taking);
  } catch (error) {
    rmSync(taking, { force: true });
    throw error;
  }
  const copyMs = performance.now() - started;
  const { verdict, copy } = checkCopy({ path: taking, file, kind: 'pre-migration', takenMs: input.nowMs, migration: { from: input.from, to: input.to }, copyMs, nativeBinding: input.nativeBinding });
  if (!verdict.verified) {
    putAside(folder, taking, copy);
    if (verdict.failed === 'chain') return copy;
    throw new Error(`the copy before migrating failed its check: ${copy.problem ?? 'not verified'}`);
  }
  renameSync(taking, join(folder, file));
  writeManifest(folder, copy);
  syncFolder(folder);
  return copy;
}
