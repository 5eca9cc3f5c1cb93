// One machine of a kindergarten for the peers' proofs (docs/peers.md §10 step 10): the built web host as its own
// process (`node <built>/web/cli.mjs --no-window --data-dir <dir>`, what a kiosk runs), so a kill is a real kill and a
// restart opens the same folder. Requests go over the kiosk API's WebSocket the way the page sends them, with the
// session the launch link gives; the records are read from the machine's SQLite file by a connection of the test's.
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { resultSchema, type Result } from '../../../shared/api/result.js';
import { kioskRequests, type KioskRequestName, type RequestArgs, type RequestValue } from '../../../shared/api/contract.js';
import { ServerMessageSchema, WS_PATH } from '../../../shared/api/wire.js';
import { repoRoot, startHostProcess, writeSetting, type RunningHost } from '../../../e2e/support/kiosk-host.js';

/**
 * Bundles the web host and its workers as `npm run build` does, into a folder of this test file's own under
 * node_modules (so the bundle's packages resolve): the unit tests run before dist/ is built, and test files run side by
 * side. Answers the CLI's path and how to remove the folder. No renderer: the proofs speak to the kiosk API only.
 */
export function buildMachineHost(): { cli: string; remove(): void } {
  const outdir = join(repoRoot, 'node_modules/.cache/esik-tests', `peers-host-${String(process.pid)}`);
  mkdirSync(outdir, { recursive: true });
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts/build-electron.mjs'), '--outdir', outdir], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  if (built.status !== 0) throw new Error(`the web host did not build: ${built.stderr}`);
  return { cli: join(outdir, 'web/cli.mjs'), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** A request unanswered this long fails the test rather than hanging it. */
const CALL_TIMEOUT_MS = 30_000;

export interface MachineOptions {
  /** The web host's CLI (buildMachineHost). */
  cli: string;
  /** A name for the test's messages ("door 1", "office"). */
  name: string;
  dataDir: string;
  /** The demo kindergarten in an empty folder (the first machine); off for a machine that joins. */
  demo: boolean;
  /** Options after the data folder (e.g. `--peer-port`, `0`). */
  extraArgs?: readonly string[];
}

export interface Machine {
  readonly name: string;
  readonly dataDir: string;
  readonly databasePath: string;
  /** Whether its process runs. */
  readonly running: boolean;
  /** Everything the host printed since its last start. */
  output(): string;
  call<N extends KioskRequestName>(name: N, args: RequestArgs<N>): Promise<Result<RequestValue<N>>>;
  /** Rows of a query on its file (read-only, beside the running host). */
  read<T>(sql: string, ...params: unknown[]): T[];
  /** A kindergarten setting written into its file, as an admin's change would land (the core re-reads its settings). */
  writeSetting(key: string, value: unknown): void;
  /** SIGKILL: no shutdown, no last write: what a pulled plug does. */
  kill(): Promise<void>;
  /** SIGTERM: the kiosk closes as it does when shut down. */
  stop(): Promise<void>;
  /** Starts it again on the same folder and opens a new session. */
  start(): Promise<void>;
}

interface Running {
  host: RunningHost;
  child: ChildProcess;
  socket: WebSocket;
}

function openSession(host: RunningHost): Promise<WebSocket> {
  return fetch(host.url, { redirect: 'manual' }).then((res) => {
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (res.status !== 303 || cookie === undefined) throw new Error(`the launch link gave ${String(res.status)} without a session`);
    return new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${host.origin.replace(/^http/, 'ws').replace(/\/$/, '')}${WS_PATH}`, { origin: host.origin.replace(/\/$/, ''), headers: { Cookie: cookie } });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
  });
}

export async function startMachine(options: MachineOptions): Promise<Machine> {
  let running: Running | null = null;
  let nextId = 1;
  const args = (): string[] => [
    options.cli,
    '--no-window',
    '--data-dir',
    options.dataDir,
    ...(options.demo ? [] : ['--no-demo']),
    ...(options.extraArgs ?? []),
  ];

  const start = async (): Promise<void> => {
    if (running !== null) throw new Error(`${options.name} is already running`);
    const { host, child } = await startHostProcess(args(), options.dataDir);
    const socket = await openSession(host);
    running = { host, child, socket };
  };

  const ended = (child: ChildProcess): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });

  const end = async (signal: 'SIGKILL' | 'SIGTERM'): Promise<void> => {
    if (running === null) return;
    const { child, socket } = running;
    running = null;
    socket.terminate();
    const exited = ended(child);
    child.kill(signal);
    await exited;
  };

  await start();
  const databasePath = join(options.dataDir, 'esik.sqlite');
  return {
    name: options.name,
    dataDir: options.dataDir,
    databasePath,
    get running() {
      return running !== null;
    },
    output: () => running?.host.output() ?? '',
    call<N extends KioskRequestName>(name: N, requestArgs: RequestArgs<N>): Promise<Result<RequestValue<N>>> {
      if (running === null) return Promise.reject(new Error(`${options.name} is not running`));
      const { socket } = running;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.off('message', onMessage);
          reject(new Error(`${options.name} did not answer ${name} in ${String(CALL_TIMEOUT_MS)} ms`));
        }, CALL_TIMEOUT_MS);
        const onMessage = (data: Buffer): void => {
          const message = ServerMessageSchema.safeParse(JSON.parse(data.toString('utf8')));
          if (!message.success || message.data.type !== 'result' || message.data.id !== id) return;
          clearTimeout(timer);
          socket.off('message', onMessage);
          const parsed = resultSchema(kioskRequests[name].result).safeParse(message.data.result);
          if (!parsed.success) return reject(new Error(`${options.name} answered ${name} out of contract: ${parsed.error.message}`));
          resolve(parsed.data as Result<RequestValue<N>>);
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ type: 'call', id, name, args: requestArgs }));
      });
    },
    read<T>(sql: string, ...params: unknown[]): T[] {
      const db = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    writeSetting: (key: string, value: unknown) => writeSetting(databasePath, key, value),
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
    start,
  };
}
