// The copy's integrity check in a second thread beside the chain walk, on real files: what it finds reaches the verdict,
// and a second thread that cannot run leaves the check to the calling thread rather than skipping it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesOf, smashPage } from '../testing/damaged-files.js';
import { tempDataDir } from '../testing/fixtures.js';
import { backupsDir, FAILED_FOLDER, listCopies } from './backup-manifest.js';
import { DEFAULT_RETENTION } from './backup-retention.js';
import { startBackupJob } from './backup-runner.js';
import { integrityBeside } from './copy-integrity.js';
import { DEV_BACKUP_WORKER_SCRIPT } from './dev-backup-worker-script.js';
import { recordsFile, tamperEvent } from './testing/records-file.js';

const SCRIPT = DEV_BACKUP_WORKER_SCRIPT.href;

function smashedIndex(events: number): string {
  const { path } = recordsFile(tempDataDir(), events);
  smashPage(path, pagesOf(path, 'attendance_log_by_time', 'leaf')[0] ?? 0);
  return path;
}

/** What the check found: its problems, or why it could not read the file (a smashed page may stop it there). */
function found(check: Promise<string | null>): Promise<string | null> {
  return check.catch((error: unknown) => `unreadable: ${error instanceof Error ? error.message : String(error)}`);
}

function job(dataDir: string, path: string) {
  return startBackupJob(
    { databasePath: path, dataDir, kind: 'manual', takenMs: Date.parse('2026-12-03T03:00:00Z'), nativeBinding: null, retention: DEFAULT_RETENTION, zone: 300, secondPlace: null },
    DEV_BACKUP_WORKER_SCRIPT,
  ).outcome;
}

describe("a copy's integrity check in a second thread", () => {
  it('finds a whole file whole and a smashed index page damaged', async () => {
    const { path } = recordsFile(tempDataDir(), 50);
    expect(await integrityBeside(SCRIPT, path, null)).toBeNull();
    expect(await found(integrityBeside(SCRIPT, smashedIndex(200), null))).toMatch(/attendance_log_by_time|malformed/);
  });

  it('runs in the calling thread when the second one cannot start, finding the same', async () => {
    const path = smashedIndex(200);
    const here = await found(integrityBeside(null, path, null));
    expect(here).not.toBeNull();
    expect(await found(integrityBeside(join(tempDataDir(), 'no-such-worker.mjs'), path, null))).toBe(here);
  });

  it('fails a file that is not a database as unreadable', async () => {
    await expect(integrityBeside(SCRIPT, join(tempDataDir(), 'missing.sqlite'), null)).rejects.toThrow();
  });

  it('decides the backup job in its worker: verified, damaged, or chain broken', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 40);
    expect(await job(dataDir, path)).toMatchObject({ kind: 'verified', copy: { verified: true, counts: { ownEvents: 40 } } });

    const damagedDir = tempDataDir();
    const damaged = await job(damagedDir, smashedIndex(200));
    expect(damaged).toMatchObject({ kind: 'failed', code: 'BACKUP_FAILED', copy: { verified: false } });
    if (damaged.kind === 'failed') expect(damaged.detail).toMatch(/^(integrity check: |cannot be read: .*malformed)/);
    expect(listCopies(join(backupsDir(damagedDir), FAILED_FOLDER))).toHaveLength(1);

    const brokenDir = tempDataDir();
    const broken = recordsFile(brokenDir, 20);
    tamperEvent(broken.path, 7);
    const outcome = await job(brokenDir, broken.path);
    expect(outcome).toMatchObject({ kind: 'failed', code: 'BACKUP_FAILED' });
    if (outcome.kind === 'failed') expect(outcome.detail).toMatch(/chain broken at seq 7/);
  }, 60_000);
});
