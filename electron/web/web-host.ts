// The loopback web host: the built renderer over HTTP and the same KioskApi over a WebSocket, on 127.0.0.1 only.
// This is how the kiosk runs where Electron is absent.
// - Who may drive the kiosk: a page that opened a single-use launch link and got a session cookie for it
//   (launch-sessions.ts), addressed to this host by its own name (no DNS rebinding), and for the WebSocket from
//   this host's own Origin.
// - Nothing a client sends takes the host down: every server and socket error is handled here or in api-socket.ts,
//   and a bad client loses its own connection only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import type { Duplex } from 'node:stream';
import { rmSync } from 'node:fs';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, WS_PATH, type ServerMessage } from '../../shared/api/wire.js';
import { exportsDirOf } from '../core/admin/export/exports-dir.js';
import { writeFileAtomic } from '../core/files/atomic-write.js';
import type { KioskCore } from '../core/kiosk-core.js';
import { serveApiSocket, sendOrDrop, type ApiSocketLimits } from './api-socket.js';
import { EXPORTS_PATH, serveExport } from './export-files.js';
import { LaunchSessions } from './launch-sessions.js';
import { sendLinkRefusedPage } from './link-refused-page.js';
import { LAUNCH_CODE_PARAM, LAUNCH_PATH, ownHost, sessionCookie, sessionOf } from './request-checks.js';
import { serveStatic } from './static-files.js';

export interface WebHostOptions {
  core: KioskCore;
  rendererDir: string;
  port?: number;
  log?: (line: string) => void;
  limits?: Partial<WebHostLimits>;
  /** Kept holding a fresh single-use launch link (0600) while the host runs, for a person to open the kiosk with. */
  linkFile?: string;
}

export interface WebHostLimits extends ApiSocketLimits {
  /** WebSocket connections open at once; the kiosk needs one (two for a moment while a page reloads). */
  maxConnections: number;
}

const defaultLimits: WebHostLimits = { maxConnections: 8, maxUnreadBytes: 1024 * 1024, heartbeatMs: 30_000 };

/** HTTP and WebSocket connections together: a page load takes a few, a flood of idle ones cannot take memory. */
const MAX_TCP_CONNECTIONS = 64;

export interface WebHost {
  /** http://127.0.0.1:<port>; opening it gives the kiosk only to a browser that has a session already. */
  origin: string;
  /** A link that opens the kiosk once, then is worth nothing (the next call gives the next one). */
  launchUrl(): string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  const limits: WebHostLimits = { ...defaultLimits, ...options.limits };
  let port = 0;
  let origin = '';
  const launchUrl = (code: string): string => `${origin}${LAUNCH_PATH}?${LAUNCH_CODE_PARAM}=${code}`;
  const writeLinkFile = (code: string): void => {
    if (!options.linkFile) return;
    try {
      writeFileAtomic(options.linkFile, `${launchUrl(code)}\n`);
    } catch (error) {
      log(`[web] cannot write the launch link to ${options.linkFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const sessions = new LaunchSessions(writeLinkFile);

  const server = createServer((req, res) => {
    const headers = securityHeaders(origin);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, headers).end();
    const host = ownHost(req, port);
    if (!host) {
      log(`[web] refused a request for host ${JSON.stringify(req.headers.host ?? '')}`);
      return void res.writeHead(403, headers).end();
    }
    const path = pathOf(req);
    if (path === LAUNCH_PATH) return launch(req, res, headers);
    const signedIn = sessions.isSession(sessionOf(req, port));
    if (path.startsWith(EXPORTS_PATH)) {
      if (!signedIn) return void res.writeHead(403, headers).end();
      return void serveExport(exportsDirOf(dirname(options.core.databasePath)), req, res, headers);
    }
    // The scripts and styles are the same for everyone; the page that runs them is for a session only, so a
    // used link or a host restarted under an open window says what to do instead of a kiosk that cannot connect.
    if ((path === '/' || path === '/index.html') && !signedIn) return sendLinkRefusedPage(res, headers);
    void serveStatic(options.rendererDir, req.url ?? '/', res, headers);
  });

  function launch(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
    const code = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get(LAUNCH_CODE_PARAM) ?? '';
    const session = sessions.redeem(code);
    if (!session) {
      log('[web] refused a launch link: used already or not this host\'s');
      return sendLinkRefusedPage(res, headers);
    }
    log('[web] a launch link was used; a new one is ready');
    res.writeHead(303, { ...headers, Location: '/', 'Set-Cookie': sessionCookie(port, session), 'Cache-Control': 'no-store' }).end();
  }

  server.maxConnections = MAX_TCP_CONNECTIONS;
  // After listening, an 'error' is a failed accept (out of file descriptors); unhandled it would end the process.
  server.on('error', (error) => log(`[web] server error: ${error.message}`));
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    log(`[web] bad HTTP request: ${error.code ?? error.message}`);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  wss.on('error', (error) => log(`[web] WebSocket server error: ${error.message}`));
  let connections = 0;
  const labels = new Map<WebSocket, string>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands an upgraded socket over without its own error listener: a reset here would end the process.
    socket.on('error', (error) => log(`[web] WebSocket handshake failed: ${error.message}`));
    const refuse = (status: string, why: string): void => {
      log(`[web] refused WebSocket: ${why}`);
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    const refusal = checkUpgrade(req, port, sessions);
    if (refusal) return refuse('403 Forbidden', refusal);
    if (wss.clients.size >= limits.maxConnections) return refuse('503 Service Unavailable', `${wss.clients.size} connections open (limit ${limits.maxConnections})`);
    const label = `#${++connections}`;
    wss.handleUpgrade(req, socket, head, (ws) => {
      labels.set(ws, label);
      ws.on('close', () => labels.delete(ws));
      serveApiSocket(ws, label, { handlers: options.core.handlers, limits, log });
    });
  });

  const unsubscribe = options.core.onEvent((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
    for (const client of wss.clients) sendOrDrop(client, text, labels.get(client) ?? '?', limits, log);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  writeLinkFile(sessions.currentCode());

  return {
    origin,
    launchUrl: () => launchUrl(sessions.currentCode()),
    close: async () => {
      unsubscribe();
      if (options.linkFile) rmSync(options.linkFile, { force: true });
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

function checkUpgrade(req: IncomingMessage, port: number, sessions: LaunchSessions): string | null {
  if (pathOf(req) !== WS_PATH) return `wrong path ${pathOf(req).slice(0, 100)}`;
  const host = ownHost(req, port);
  if (!host) return `wrong host ${JSON.stringify(req.headers.host ?? '').slice(0, 100)}`;
  // A page from any other origin (a web site the kiosk browser was sent to) must not drive the kiosk.
  if (req.headers.origin !== `http://${host}`) return `wrong origin ${JSON.stringify(req.headers.origin ?? '').slice(0, 100)}`;
  if (!sessions.isSession(sessionOf(req, port))) return 'no session (open the kiosk with a launch link)';
  return null;
}

function securityHeaders(origin: string): Record<string, string> {
  const ws = origin.replace(/^http/, 'ws');
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob: mediastream:",
      `connect-src 'self' ${ws}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
