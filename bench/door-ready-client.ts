// One kiosk start as the door sees it: spawns the built web host (`node dist/web/cli.mjs`, what the kiosk runs) on a
// data folder, opens it the way the kiosk window does (the launch link from the link file, the session cookie, the
// WebSocket API) and sends one card tap. The time is from the spawn to the tap's answer read off the socket.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { ServerMessageSchema, WS_PATH } from '../shared/api/wire.js';
import { repoRoot } from '../e2e/support/kiosk-host.js';
import { webHostEnv } from '../scripts/web-host-env.mjs';

export interface DoorReadyStart {
  /** From the spawn to the tap's answer, in ms. */
  ms: number;
  /** The kiosk process's CPU time (user and system) up to the answer, in ms; null where /proc is absent. */
  cpuMs: number | null;
  /** Whether the tap got an outcome (not an error). */
  ok: boolean;
  /** The outcome's kind ('recorded', 'choose'…) or the error's code. */
  answer: string;
  /** The host's output up to the answer. */
  output: string;
}

const START_TIMEOUT_MS = 60_000;
/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every architecture Linux runs the kiosk on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time a process has used so far: on a machine shared with other work, the wall-clock figure swings with the load
 * while this one says how much work the start itself does.
 */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
const ScanKindSchema = z.object({ kind: z.string() });

/** The session cookie a launch link gives (the link is single-use; the host writes the next one into the file). */
function openLaunchLink(link: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = get(link, (res) => {
      res.resume();
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
      if (res.statusCode === 303 && cookie) resolve(cookie);
      else reject(new Error(`the launch link gave ${res.statusCode ?? 'no status'} without a session`));
    });
    request.on('error', reject);
  });
}

function tapOverSocket(origin: string, cookie: string, raw: string): Promise<{ ok: boolean; answer: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${WS_PATH}`, { headers: { Origin: origin, Cookie: cookie } });
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, name: 'identifyCard', args: { raw, source: 'keyboard-wedge' } })));
    ws.on('message', (data, isBinary) => {
      if (isBinary || !Buffer.isBuffer(data)) return;
      const message = ServerMessageSchema.safeParse(JSON.parse(data.toString('utf8')));
      if (!message.success || message.data.type !== 'result' || message.data.id !== 1) return;
      const { result } = message.data;
      ws.close();
      if (!result.ok) return resolve({ ok: false, answer: result.error.code });
      const scan = ScanKindSchema.safeParse(result.value);
      resolve({ ok: true, answer: scan.success ? scan.data.kind : 'answered' });
    });
  });
}

export interface StartOptions {
  /** Let the kiosk create the demo kindergarten in an empty folder (off: a restart of a kiosk that has its roster). */
  demo?: boolean;
  /** Node's own options, before the script (--cpu-prof). */
  nodeArgs?: readonly string[];
  /** After the tap, keep the kiosk running until its output shows this (the full check's verdict), then stop it. */
  until?: RegExp;
}

const UNTIL_TIMEOUT_MS = 600_000;

function outputShows(output: () => string, pattern: RegExp, child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!pattern.test(output())) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve();
    };
    const timer = setTimeout(() => reject(new Error(`the kiosk did not print ${String(pattern)} in ${UNTIL_TIMEOUT_MS} ms:\n${output()}`)), UNTIL_TIMEOUT_MS);
    child.stdout?.on('data', check);
    check();
  });
}

/** Starts the kiosk on `dataDir`, taps `card` once it listens, and stops it. */
export async function startAndTap(dataDir: string, card: string, options: StartOptions = {}): Promise<DoorReadyStart> {
  const args = [...(options.nodeArgs ?? []), join(repoRoot, 'dist/web/cli.mjs'), '--no-window', '--data-dir', dataDir];
  if (!options.demo) args.push('--no-demo');
  const spawned = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...webHostEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const { origin, linkFile } = await new Promise<{ origin: string; linkFile: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the kiosk did not listen in ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /^ESIK_URL (\S+?)\/?$/m.exec(output)?.[1];
        const file = /^ESIK_LINK_FILE (.+)$/m.exec(output)?.[1];
        if (url && file) {
          clearTimeout(timer);
          resolve({ origin: url, linkFile: file });
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the kiosk exited with ${code ?? 'a signal'}:\n${output}`));
      });
    });
    const cookie = await openLaunchLink(readFileSync(linkFile, 'utf8').trim());
    const tap = await tapOverSocket(origin, cookie, card);
    const ms = performance.now() - spawned;
    const cpuMs = cpuMsOf(child.pid);
    if (options.until) await outputShows(() => output, options.until, child);
    return { ms, cpuMs, ...tap, output };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}
