// Starts the built web host (dist/web/cli.mjs) as its own process on a fresh data folder and waits for its URL lines.
import BetterSqlite3 from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webHostEnv } from '../../scripts/web-host-env.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningHost {
  /** http://127.0.0.1:<port>/ (no session: opening it shows the "link used" page). */
  origin: string;
  /** A fresh single-use launch link, read from the host's link file each time; a page that opens it gets a session. */
  readonly url: string;
  dataDir: string;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startKioskHost(dataDir: string, extraArgs: string[] = []): Promise<RunningHost> {
  return startHostProcess([join(repoRoot, 'dist/web/cli.mjs'), '--no-window', '--data-dir', dataDir, ...extraArgs], dataDir).then(({ host }) => host);
}

/** Runs Node with `args` as a web host (it prints the URL lines), with a pipe to its stdin, in the environment `npm start` gives it. */
export async function startHostProcess(args: string[], dataDir: string, env: Readonly<Record<string, string>> = {}): Promise<{ host: RunningHost; child: ChildProcess }> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...webHostEnv(), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const lines = await new Promise<{ origin: string; linkFile: string }>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const origin = /^ESIK_URL (\S+)$/m.exec(output)?.[1];
      const linkFile = /^ESIK_LINK_FILE (.+)$/m.exec(output)?.[1];
      if (origin && linkFile) {
        clearTimeout(timer);
        resolveUrl({ origin, linkFile });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const host: RunningHost = {
    origin: lines.origin,
    get url() {
      return readFileSync(lines.linkFile, 'utf8').trim();
    },
    dataDir,
    databasePath: join(dataDir, 'esik.sqlite'),
    output: () => output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
  return { host, child };
}

/**
 * Turns the door's evening pick-up rule off in a running kiosk (the setting `collectCheckFrom`, on from 15:00 by
 * default: docs/pickup-check.md). The specs that tap for other reasons expect a first tap of the day to be an
 * arrival at whatever hour the suite runs; the rule itself has its own spec, which sets the hour it needs.
 */
export function withoutEveningPickup(host: RunningHost): RunningHost {
  writeSetting(host.databasePath, 'collectCheckFrom', null);
  return host;
}

/** Writes a setting while the kiosk runs: the core re-reads its settings when another connection wrote them. */
export function writeSetting(databasePath: string, key: string, value: unknown): void {
  const db = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  } finally {
    db.close();
  }
}
