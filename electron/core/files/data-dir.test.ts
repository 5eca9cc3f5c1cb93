import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskCore } from '../kiosk-core.js';
import { tempDataDir } from '../testing/fixtures.js';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

// A desktop user's usual umask: what SQLite and Node create is then readable by every local account.
let umask = 0;
beforeEach(() => {
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
});

describe.skipIf(process.platform === 'win32')('the data folder is the kiosk user\'s alone (POSIX modes; skipped on Windows, where the profile folder\'s ACL does this)', () => {
  it('is made 0700 with the database and its -wal and -shm 0600', () => {
    const parent = tempDataDir();
    chmodSync(parent, 0o755);
    const dataDir = join(parent, 'Esik');
    const core = new KioskCore({ dataDir, demo: true, log: () => undefined, cityPullIntervalMs: 0 });
    try {
      expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready' } });
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const file of ['esik.sqlite', 'esik.sqlite-wal', 'esik.sqlite-shm']) expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600');
    } finally {
      core.close();
    }
  });

  it('tightens a folder and files left readable by an older version', () => {
    const dataDir = tempDataDir();
    chmodSync(dataDir, 0o755);
    const old = new BetterSqlite3(join(dataDir, 'esik.sqlite'));
    old.pragma('journal_mode = WAL');
    old.close();
    writeFileSync(join(dataDir, 'notes.txt'), 'left by hand', { mode: 0o644 });
    mkdirSync(join(dataDir, 'exports'), { mode: 0o755 });
    expect(modeOf(join(dataDir, 'esik.sqlite')).toString(8)).toBe('644');
    const core = new KioskCore({ dataDir, demo: true, log: () => undefined, cityPullIntervalMs: 0 });
    try {
      expect(modeOf(dataDir).toString(8)).toBe('700');
      expect(modeOf(join(dataDir, 'exports')).toString(8)).toBe('700');
      for (const file of ['esik.sqlite', 'esik.sqlite-wal', 'esik.sqlite-shm', 'notes.txt']) expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600');
    } finally {
      core.close();
    }
  });
});
