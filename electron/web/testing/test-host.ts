// Test support: a real web host on 127.0.0.1 with a demo core, its log kept, and clients that connect the way the
// kiosk page does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { KioskCore } from '../../core/kiosk-core.js';
import { tempDataDir } from '../../core/testing/fixtures.js';
import { rawUpgrade, type RawClient } from '../../core/testing/raw-websocket.js';
import { startWebHost, type WebHost, type WebHostLimits } from '../web-host.js';

export interface TestHost {
  host: WebHost;
  core: KioskCore;
  port: number;
  logs: string[];
  dataDir: string;
  /** Headers a page of the kiosk sends with its WebSocket upgrade (its session cookie included). */
  upgradeHeaders(): Record<string, string>;
  apiUrl(): string;
  connect(): Promise<WebSocket>;
  raw(): Promise<RawClient>;
}

/** Opens a launch link as the browser would: the session cookie it sets, or null when the link was refused. */
export async function redeem(launchUrl: string): Promise<string | null> {
  const res = await fetch(launchUrl, { redirect: 'manual' });
  const cookie = res.headers.get('set-cookie');
  return res.status === 303 && cookie ? (cookie.split(';')[0] ?? null) : null;
}

export async function startTestHost(limits: Partial<WebHostLimits> = {}, linkFile?: (dataDir: string) => string): Promise<TestHost> {
  const dataDir = tempDataDir();
  const rendererDir = join(tempDataDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Esik</title>');
  const core = new KioskCore({ dataDir, demo: true, log: () => undefined, cityPullIntervalMs: 0 });
  const logs: string[] = [];
  const host = await startWebHost({ core, rendererDir, log: (line) => logs.push(line), limits, ...(linkFile ? { linkFile: linkFile(dataDir) } : {}) });
  onTestFinished(async () => {
    await host.close();
    core.close();
  });
  const port = Number(new URL(host.origin).port);
  const cookie = await redeem(host.launchUrl());
  if (!cookie) throw new Error('the first launch link was refused');
  const apiPath = '/api';
  const upgradeHeaders = (): Record<string, string> => ({ Host: `127.0.0.1:${port}`, Origin: host.origin, Cookie: cookie });
  const test: TestHost = {
    host,
    dataDir,
    core,
    port,
    logs,
    upgradeHeaders,
    apiUrl: () => `ws://127.0.0.1:${port}${apiPath}`,
    connect: () => openClient(test.apiUrl(), upgradeHeaders()),
    raw: () => rawUpgrade(port, apiPath, upgradeHeaders()),
  };
  return test;
}

export function openClient(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const { Origin: origin, ...rest } = headers;
    const ws = new WebSocket(url, { ...(origin === undefined ? {} : { origin }), headers: rest });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    onTestFinished(() => ws.terminate());
  });
}

/** The next reply (not an event) the client receives, parsed; `id` picks one reply when given. */
export function nextReply(ws: WebSocket, id?: number | null): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer): void => {
      const message = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      if (message.type !== 'result' || (id !== undefined && message.id !== id)) return;
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(message);
    };
    const onClose = (code: number): void => {
      ws.off('message', onMessage);
      reject(new Error(`closed with ${code} before a reply`));
    };
    ws.on('message', onMessage);
    ws.once('close', onClose);
  });
}

let nextId = 1;

/** One KioskApi call as the renderer makes it; resolves with the host's reply message. */
export async function call(ws: WebSocket, name: string, args: unknown = {}): Promise<Record<string, unknown>> {
  const id = nextId++;
  const reply = nextReply(ws, id);
  ws.send(JSON.stringify({ type: 'call', id, name, args }));
  return reply;
}

/** Resolves with the close code once the server closed the connection. */
export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(1006);
    else ws.once('close', (code) => resolve(code));
  });
}
