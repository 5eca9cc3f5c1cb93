// The web host's side of the crash-loop guard (electron/core/start-guard/): after too many failed starts the host
// does not start the core again; it serves the recovery screen on 127.0.0.1 (in the app window unless --no-window)
// until someone presses "try again", which clears the count and lets this start go on. One call from cli.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardStart } from '../core/start-guard/crash-loop-guard.js';
import { recoveryPageHtml, tryingAgainHtml } from '../core/start-guard/recovery-page.js';
import { clearStarts } from '../core/start-guard/start-attempts.js';
import { logFolderOf } from '../core/logging/rotating-log-file.js';
import { openAppWindow } from './app-window.js';
import { ownHost } from './request-checks.js';

export interface CrashLoopGateOptions {
  dataDir: string;
  log: (line: string) => void;
  /** The port asked for (0: any); a port that is taken (what may have failed the starts) falls back to any. */
  port: number;
  /** The app window to show the screen in; null with --no-window. */
  window: { profileDir: string; kiosk: boolean } | null;
}

const HEADERS = {
  // No script, no style, a form that posts only back here.
  'Content-Security-Policy': "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // Not no-referrer: with it Chromium sends `Origin: null` on the form's own POST, and the origin check below needs it.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'Content-Type': 'text/html; charset=utf-8',
};

/** Resolves at once when this start may go ahead, or once "try again" was pressed on the recovery screen. */
export async function passCrashLoopGate(options: CrashLoopGateOptions): Promise<void> {
  const verdict = guardStart({ dataDir: options.dataDir, log: options.log });
  if (verdict.kind === 'start') return;
  const page = recoveryPageHtml({ ...verdict, logsDir: logFolderOf(options.dataDir), retryAction: '/retry' });
  let retried: () => void = () => undefined;
  const pressed = new Promise<void>((resolve) => {
    retried = resolve;
  });
  const server = createServer((req, res) => {
    answer(req, res, server, page, () => {
      clearStarts(options.dataDir);
      options.log('[start] "try again" pressed on the recovery screen: starting the kiosk');
      retried();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const port = await listen(server, options.port).catch(() => listen(server, 0));
  const url = `http://127.0.0.1:${port}/`;
  // Machine-readable, like ESIK_URL: a person or a test finds the screen here.
  console.log(`ESIK_RECOVERY_URL ${url}`);
  if (options.window) {
    const window = openAppWindow(url, options.window.profileDir, options.window.kiosk);
    if ('reason' in window) options.log(`[start] no window for the recovery screen (${window.reason}); open ${url}`);
  }
  await pressed;
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function answer(req: IncomingMessage, res: ServerResponse, server: Server, page: string, retry: () => void): void {
  const port = (server.address() as AddressInfo).port;
  const host = ownHost(req, port);
  // The same rule as the kiosk's host: a page reaching this port under a foreign name, or posting from elsewhere, is refused.
  if (!host) return void res.writeHead(421, HEADERS).end();
  if (req.method === 'GET' && req.url === '/') return void res.writeHead(200, HEADERS).end(page);
  if (req.method === 'POST' && req.url === '/retry') {
    if (req.headers.origin !== `http://${host}`) return void res.writeHead(403, HEADERS).end();
    res.writeHead(200, { ...HEADERS, Connection: 'close' }).end(tryingAgainHtml(), retry);
    return;
  }
  res.writeHead(404, HEADERS).end();
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
