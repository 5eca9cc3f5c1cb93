// The loopback web host: the built renderer over HTTP and the same KioskApi over a WebSocket, on 127.0.0.1
// only, with a per-launch token and an Origin check. This is how the kiosk runs where Electron is absent. Every
// server and socket error is handled here or in api-socket.ts: a bad client loses its connection, never the host.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, WS_PATH, WS_TOKEN_PARAM, type ServerMessage } from '../../shared/api/wire.js';
import type { KioskCore } from '../core/kiosk-core.js';
import { serveApiSocket, sendOrDrop, type ApiSocketLimits } from './api-socket.js';
import { serveStatic } from './static-files.js';
import { EXPORTS_PATH, serveExport } from './export-files.js';
import { exportsDirOf } from '../core/admin/export/exports-dir.js';
import { dirname } from 'node:path';

export interface WebHostOptions {
  core: KioskCore;
  rendererDir: string;
  port?: number;
  log?: (line: string) => void;
  limits?: Partial<WebHostLimits>;
}

export interface WebHostLimits extends ApiSocketLimits {
  /** WebSocket connections open at once; the kiosk needs one (two for a moment while a page reloads). */
  maxConnections: number;
}

const defaultLimits: WebHostLimits = { maxConnections: 8, maxUnreadBytes: 1024 * 1024, heartbeatMs: 30_000 };

/** HTTP and WebSocket connections together: a page load takes a few, a flood of idle ones cannot take memory. */
const MAX_TCP_CONNECTIONS = 64;

export interface WebHost {
  /** The URL to open, token in the fragment (never sent to the server in a request line or a log). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  const limits: WebHostLimits = { ...defaultLimits, ...options.limits };
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if ((req.url ?? '').startsWith(EXPORTS_PATH)) {
      void serveExport(exportsDirOf(dirname(options.core.databasePath)), req, res, token, securityHeaders(origin));
      return;
    }
    void serveStatic(options.rendererDir, req.url ?? '/', res, securityHeaders(origin));
  });
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
    const refusal = checkUpgrade(req, origin, token);
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
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#${WS_TOKEN_PARAM}=${token}`,
    origin,
    close: async () => {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

function checkUpgrade(req: IncomingMessage, origin: string, token: string): string | null {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', origin);
  } catch {
    return 'a request target that is not a URL';
  }
  if (url.pathname !== WS_PATH) return `wrong path ${url.pathname}`;
  // A page from any other origin (a web site the kiosk browser was sent to) must not drive the kiosk.
  if (req.headers.origin !== origin) return `wrong origin ${String(req.headers.origin)}`;
  const given = Buffer.from(url.searchParams.get(WS_TOKEN_PARAM) ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'wrong token';
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
