import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { migrations } from '../db/migrations/index.js';
import { pagesOf, smashPage } from '../testing/damaged-files.js';
import { tempDataDir } from '../testing/fixtures.js';
import { runBackupJob, type BackupJobRequest } from './backup-job.js';
import { backupsDir, FAILED_FOLDER, INCOMING_FOLDER, listCopies } from './backup-manifest.js';
import { DEFAULT_RETENTION } from './backup-retention.js';
import { recordsFile, tamperEvent } from './testing/records-file.js';
import { appendEvents } from '../testing/history.js';

const HOUR = 3_600_000;
const first = Date.parse('2026-12-03T03:00:00Z');

function request(dataDir: string, path: string, takenMs = first): BackupJobRequest {
  return { databasePath: path, dataDir, kind: 'daily', takenMs, nativeBinding: null, retention: DEFAULT_RETENTION, zone: 300, secondPlace: null };
}

describe('a backup job', () => {
  it('copies the records online, verifies the copy and writes its manifest', async () => {
    const dataDir = tempDataDir();
    const { path, deviceId } = recordsFile(dataDir, 30);
    // The door keeps its connection open (WAL, uncheckpointed events) while the copy is taken.
    const door = openDatabase(path);
    appendEvents(door, deviceId, 5);
    const outcome = await runBackupJob(request(dataDir, path));
    door.close();
    expect(outcome).toMatchObject({ kind: 'verified', pruned: [], secondPlace: null });
    if (outcome.kind !== 'verified') return;
    const { copy } = outcome;
    expect(copy).toMatchObject({ kind: 'daily', verified: true, problem: null, deviceId, head: { seq: 35 }, schemaVersion: Math.max(...migrations.map((m) => m.version)) });
    expect(copy.counts).toMatchObject({ events: 35, ownEvents: 35, groups: expect.any(Number) as number });
    expect(listCopies(backupsDir(dataDir))).toEqual([copy]);
    // One self-contained file: nothing beside it, and a plain SQLite reads the same events from it.
    expect(readdirSync(backupsDir(dataDir)).filter((n) => n.startsWith('esik-')).sort()).toEqual([copy.file, `${copy.file}.json`]);
    const plain = new BetterSqlite3(join(backupsDir(dataDir), copy.file), { readonly: true });
    expect(plain.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(plain.prepare('SELECT count(*) FROM attendance_events').pluck().get()).toBe(35);
    plain.close();
  });

  it('copies one snapshot in steps while the door goes on recording, never restarting', async () => {
    const dataDir = tempDataDir();
    const { path, deviceId } = recordsFile(dataDir, 20_000);
    const door = openDatabase(path);
    let appended = 0;
    // The door records between the copy's steps (each step yields to the event loop).
    const tapping = setInterval(() => {
      appendEvents(door, deviceId, 1);
      appended += 1;
    }, 0);
    const outcome = await runBackupJob(request(dataDir, path));
    clearInterval(tapping);
    door.close();
    expect(outcome.kind).toBe('verified');
    if (outcome.kind !== 'verified') return;
    // A snapshot: the chain whole through a head from before or during the copy, every event of it there.
    const seq = outcome.copy.head?.seq ?? 0;
    expect(seq).toBeGreaterThanOrEqual(20_000);
    expect(seq).toBeLessThanOrEqual(20_000 + appended);
    expect(outcome.copy.counts?.events).toBe(seq);
    expect(appended).toBeGreaterThan(0);
  }, 60_000);

  it('tells its caller when the copy is taken and its verification begins, once (the worker lowers its thread then)', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 12);
    const seen: string[][] = [];
    const outcome = await runBackupJob(request(dataDir, path), {
      beforeVerify: () => seen.push(readdirSync(join(backupsDir(dataDir), INCOMING_FOLDER))),
    });
    expect(outcome).toMatchObject({ kind: 'verified', copy: { verified: true, counts: { ownEvents: 12 } } });
    // The whole copy was there, not yet verified nor moved out of .incoming.
    expect(seen).toEqual([[outcome.kind === 'verified' ? outcome.copy.file : '']]);
  });

  it('puts a copy whose chain is broken aside, never counted as good, and prunes nothing', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 20);
    const good = await runBackupJob(request(dataDir, path));
    expect(good.kind).toBe('verified');
    tamperEvent(path, 7);
    // A day later, with a retention that would keep only the newest copy.
    const bad = await runBackupJob({ ...request(dataDir, path, first + 24 * HOUR), retention: { hourly: 0, daily: 1, monthly: 0, yearly: 0 } });
    expect(bad).toMatchObject({ kind: 'failed', code: 'BACKUP_FAILED', copy: { verified: false } });
    if (bad.kind !== 'failed') return;
    expect(bad.detail).toMatch(/chain broken at seq 7/);
    expect(listCopies(backupsDir(dataDir)).map((c) => c.file)).toEqual([good.kind === 'verified' ? good.copy.file : '']);
    const aside = listCopies(join(backupsDir(dataDir), FAILED_FOLDER));
    expect(aside).toMatchObject([{ file: bad.copy?.file, verified: false, problem: expect.stringMatching(/seq 7/) as string }]);
  });

  it('puts a copy of a damaged file aside with what the integrity check found', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 200);
    // An index page smashed on disk: the backup API copies it as it is, and the copy's check finds it.
    const page = pagesOf(path, 'attendance_log_by_time', 'leaf')[0] ?? 0;
    smashPage(path, page);
    const outcome = await runBackupJob(request(dataDir, path));
    expect(outcome).toMatchObject({ kind: 'failed', code: 'BACKUP_FAILED' });
    if (outcome.kind === 'failed') expect(outcome.detail).toMatch(/integrity check|malformed|corrupt/i);
    expect(listCopies(backupsDir(dataDir))).toEqual([]);
  });

  it('prunes older copies only after a new one is verified, by the retention', async () => {
    const dataDir = tempDataDir();
    const { path, deviceId } = recordsFile(dataDir, 3);
    const policy = { hourly: 2, daily: 0, monthly: 0, yearly: 0 };
    const files: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const db = openDatabase(path);
      appendEvents(db, deviceId, 1);
      db.close();
      const outcome = await runBackupJob({ ...request(dataDir, path, first + i * HOUR), kind: 'hourly', retention: policy });
      if (outcome.kind === 'verified') files.push(outcome.copy.file);
    }
    expect(files).toHaveLength(4);
    expect(listCopies(backupsDir(dataDir)).map((c) => c.file)).toEqual([files[3], files[2]]);
    expect(existsSync(join(backupsDir(dataDir), files[0] ?? ''))).toBe(false);
  });

  it('removes what an interrupted job left half-taken', async () => {
    const dataDir = tempDataDir();
    const { path } = recordsFile(dataDir, 3);
    await runBackupJob(request(dataDir, path));
    const incoming = join(backupsDir(dataDir), '.incoming');
    writeFileSync(join(incoming, 'esik-20261203T000000000Z-hourly.sqlite'), 'half a copy');
    writeFileSync(join(backupsDir(dataDir), 'esik-20261202T000000000Z-hourly.sqlite'), 'a copy whose manifest was never written');
    const outcome = await runBackupJob(request(dataDir, path, first + HOUR));
    expect(outcome.kind).toBe('verified');
    expect(readdirSync(incoming)).toEqual([]);
    expect(existsSync(join(backupsDir(dataDir), 'esik-20261202T000000000Z-hourly.sqlite'))).toBe(false);
  });
});
