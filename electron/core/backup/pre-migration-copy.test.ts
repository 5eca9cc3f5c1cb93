import BetterSqlite3 from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { DatabaseOpenError, openDatabase } from '../db/open-database.js';
import { demoRoster } from '../demo/demo-roster.js';
import { KioskCore } from '../kiosk-core.js';
import { ensureDeviceId } from '../ledger/attendance-log.js';
import { RosterStore } from '../roster/roster-store.js';
import { tempDataDir } from '../testing/fixtures.js';
import { backupsDir, BACKUPS_FOLDER, FAILED_FOLDER, listCopies } from './backup-manifest.js';
import { copyBeforeMigration } from './pre-migration-copy.js';
import { DB_FILE, tamperEvent } from './testing/records-file.js';
import { appendEvents } from '../testing/history.js';

const OLDER = migrations.length - 1;

/** A records file as the build before this one left it: one migration behind, with the demo roster and 12 events. */
function olderRecords(dataDir: string): string {
  const path = join(dataDir, DB_FILE);
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.slice(0, OLDER));
  new RosterStore(db).seed(demoRoster());
  appendEvents(db, ensureDeviceId(db, new Date('2026-11-02T03:00:00Z')), 12);
  db.close();
  return path;
}

function schemaOf(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare<[], number>('SELECT max(version) FROM schema_migrations').pluck().get() ?? 0;
  } finally {
    db.close();
  }
}

const copier = (dataDir: string) => ({
  beforeMigration: (db: BetterSqlite3.Database, { from, to }: { from: number; to: number }) => {
    copyBeforeMigration(db, { dataDir, from, to, nowMs: Date.parse('2026-12-03T03:00:00Z'), nativeBinding: null });
  },
});

function openProblem(open: () => unknown): string {
  try {
    open();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error.problem;
    throw error;
  }
  return 'opened';
}

describe('the copy before a migration', () => {
  it('is taken and verified before the file is migrated, and listed with the schema it is of', () => {
    const dataDir = tempDataDir();
    const path = olderRecords(dataDir);
    openDatabase(path, copier(dataDir)).close();
    expect(schemaOf(path)).toBe(migrations.length);
    const [copy] = listCopies(backupsDir(dataDir));
    expect(copy).toMatchObject({ kind: 'pre-migration', verified: true, schemaVersion: OLDER, migration: { from: OLDER, to: migrations.length }, head: { seq: 12 } });
    expect(copy?.counts).toMatchObject({ events: 12, ownEvents: 12 });
    // The copy is the file as it was: still at the older schema.
    expect(schemaOf(join(backupsDir(dataDir), copy?.file ?? ''))).toBe(OLDER);
    // Opening again migrates nothing and copies nothing.
    openDatabase(path, copier(dataDir)).close();
    expect(listCopies(backupsDir(dataDir))).toHaveLength(1);
  });

  it('stops the migration with DB_COPY_FAILED when the copy cannot be taken, and the file stays as it was', () => {
    const dataDir = tempDataDir();
    const path = olderRecords(dataDir);
    // Where the copies go is taken by a file: no copy can be written there.
    writeFileSync(join(dataDir, BACKUPS_FOLDER), 'not a folder');
    expect(openProblem(() => openDatabase(path, copier(dataDir)))).toBe('DB_COPY_FAILED');
    expect(schemaOf(path)).toBe(OLDER);
  });

  it('never migrates a file with no way to take the copy', () => {
    const dataDir = tempDataDir();
    const path = olderRecords(dataDir);
    expect(openProblem(() => openDatabase(path))).toBe('DB_COPY_FAILED');
    expect(schemaOf(path)).toBe(OLDER);
    // A new file has nothing to lose: it is created without a copy.
    openDatabase(join(dataDir, 'new.sqlite')).close();
  });

  it('keeps a faithful copy of records whose chain is already broken aside, and lets the upgrade go on', () => {
    const dataDir = tempDataDir();
    const path = olderRecords(dataDir);
    tamperEvent(path, 5);
    openDatabase(path, copier(dataDir)).close();
    expect(schemaOf(path)).toBe(migrations.length);
    expect(listCopies(backupsDir(dataDir))).toEqual([]);
    expect(listCopies(join(backupsDir(dataDir), FAILED_FOLDER))).toMatchObject([{ kind: 'pre-migration', verified: false, problem: expect.stringMatching(/seq 5/) as string }]);
  });

  it('is taken by the kiosk as it opens an older file; the door shows DB_COPY_FAILED when it cannot be', () => {
    const quiet = { log: () => undefined };
    const upgraded = tempDataDir();
    olderRecords(upgraded);
    const core = new KioskCore({ dataDir: upgraded, demo: true, ...quiet });
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready' } });
    core.close();
    expect(listCopies(backupsDir(upgraded))).toMatchObject([{ kind: 'pre-migration', verified: true }]);

    const refused = tempDataDir();
    const path = olderRecords(refused);
    writeFileSync(join(refused, BACKUPS_FOLDER), 'not a folder');
    const stopped = new KioskCore({ dataDir: refused, demo: true, ...quiet });
    expect(stopped.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'database-error', problem: 'DB_COPY_FAILED' } });
    stopped.close();
    expect(schemaOf(path)).toBe(OLDER);
  });
});
