// The built web host's command line, spawned as an admin would run it: --help, a wrong option (one line and the usage,
// exit 2: it was a stack trace), and `restore` listing and restoring copies in real data folders, the PIN on stdin.
import { expect, test } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { demoCards } from '../electron/core/demo/demo-roster.js';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { DB_FILE, overwrite } from '../electron/core/testing/damaged-files.js';
import { repoRoot } from './support/kiosk-host.js';

const CLI = join(repoRoot, 'dist', 'web', 'cli.mjs');

function cli(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ESIK_LOG_ECHO: '0' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A kiosk folder: 6 check-ins, a verified copy, 3 more; closed. */
async function folderWithCopy(dataDir: string): Promise<string> {
  let now = Date.parse('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir, demo: true, clock: { offsetMinutes: 300, now: () => new Date(now) }, log: () => undefined });
  const tap = (times: number) => {
    for (let i = 0; i < times; i++) {
      core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      now += 31 * 60_000;
    }
  };
  tap(6);
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the demo admin could not sign in');
  const copy = await core.handlers.adminBackupNow({ sessionId: signedIn.value.session.sessionId });
  if (!copy.ok) throw new Error(`no copy: ${JSON.stringify(copy)}`);
  tap(3);
  core.close();
  return copy.value.file;
}

const count = (path: string, sql: string): number => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return db.prepare<[], number>(sql).pluck().get() ?? -1;
  } finally {
    db.close();
  }
};

test('--help prints the usage, the restore command included', () => {
  const run = cli(['--help']);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Usage: node dist/web/cli.mjs [options]');
  expect(run.stdout).toContain('restore (--list | --newest | --copy <file>)');
  expect(cli(['restore', '--help']).stdout).toContain('Usage: esik restore');
});

test('an unknown option is one line and the usage, exit 2, no stack trace', () => {
  for (const args of [['--verbose'], ['--port'], ['--port', 'eighty'], ['start']]) {
    const run = cli(args);
    expect(run.status, args.join(' ')).toBe(2);
    expect(run.stderr.split('\n')[0], args.join(' ')).toMatch(/^esik: (unknown option: --verbose|--port: needs a value|--port must be a number from 0 to 65535, not eighty|unknown command: start)$/);
    expect(run.stderr).toContain('Usage:');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }
  expect(cli(['restore', '--everything']).status).toBe(2);
});

test('restore lists the copies, refuses a wrong PIN, and restores the newest with the admin PIN', async ({}, testInfo) => {
  const dataDir = testInfo.outputPath('data');
  const file = await folderWithCopy(dataDir);
  const path = join(dataDir, DB_FILE);
  overwrite(path, 0, Buffer.alloc(100, 0x42));

  const listed = cli(['restore', '--list', '--data-dir', dataDir]);
  expect(listed.status).toBe(0);
  expect(listed.stdout).toMatch(new RegExp(`manual .* 6 records, .* head 6  ${file.replace(/\./g, '\\.')}`));

  const wrong = cli(['restore', '--newest', '--data-dir', dataDir], '1234\n');
  expect(wrong.status).toBe(1);
  expect(wrong.stderr).toContain('RESTORE_PIN_WRONG');
  expect(existsSync(join(dataDir, 'set-aside'))).toBe(false);

  const restored = cli(['restore', '--newest', '--data-dir', dataDir], '2468\n');
  expect(restored.stderr).toContain('Admin PIN: ');
  expect(restored.status).toBe(0);
  expect(restored.stdout).toContain(`Restored `);
  const aside = readdirSync(join(dataDir, 'set-aside'));
  expect(aside).toHaveLength(1);
  expect(readdirSync(join(dataDir, 'set-aside', aside[0] ?? ''))).toEqual(expect.arrayContaining([DB_FILE, `${DB_FILE}.anchor`]));
  expect(count(path, 'SELECT count(*) FROM attendance_events')).toBe(6);
  expect(count(path, "SELECT count(*) FROM admin_audit WHERE action = 'backup-restored'")).toBe(1);

  // The kiosk starts on it, the anchor at the copy's head: not "events missing".
  const core = new KioskCore({ dataDir, demo: true, log: () => undefined });
  try {
    expect(core.handlers.getStatus({})).toMatchObject({ ok: true, value: { state: 'ready', chain: { events: 6, intact: true, end: 'anchored' } } });
  } finally {
    core.close();
  }
});

test('restore says so when there is no verified copy, and names a missing one', ({}, testInfo) => {
  const dataDir = testInfo.outputPath('empty');
  const none = cli(['restore', '--list', '--data-dir', dataDir]);
  expect(none.status).toBe(1);
  expect(none.stdout).toContain('No verified copy');
  expect(cli(['restore', '--newest', '--data-dir', dataDir], '2468\n').stderr).toContain('RESTORE_COPY_NOT_FOUND');
  const named = cli(['restore', '--copy', 'esik-20261123T080000000Z-manual.sqlite', '--data-dir', dataDir], '2468\n');
  expect(named.status).toBe(1);
  expect(named.stderr).toContain('RESTORE_COPY_NOT_FOUND');
  rmSync(dataDir, { recursive: true, force: true });
});
