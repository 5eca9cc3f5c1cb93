// The loopback web host: the built renderer over HTTP and the same KioskApi over a WebSocket, on 127.0.0.1
// only, with a per-launch token and an Origin check. This is how the kiosk runs where Electron is absent.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Result } from '../../shared/api/result.js';
import { ClientMessageSchema, MAX_MESSAGE_BYTES, WS_PATH, WS_TOKEN_PARAM, type ServerMessage } from '../../shared/api/wire.js';
import { dispatch } from '../core/api/dispatch.js';
import type { KioskCore } from '../core/kiosk-core.js';
import { serveStatic } from './static-files.js';
import { EXPORTS_PATH, serveExport } from './export-files.js';
import { exportsDirOf } from '../core/admin/export/exports-dir.js';
import { dirname } from 'node:path';

export interface WebHostOptions {
  core: KioskCore;
  rendererDir: string;
  port?: number;
  log?: (line: string) => void;
}

export interface WebHost {
  /** The URL to open, token in the fragment (never sent to the server in a request line or a log). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? ((line: string) => console.log(line));
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

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(req, origin, token);
    if (refusal) {
      log(`[web] refused WebSocket: ${refusal}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws, options.core, log));
  });

  const unsubscribe = options.core.onEvent((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
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
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== WS_PATH) return `wrong path ${url.pathname}`;
  // A page from any other origin (a web site the kiosk browser was sent to) must not drive the kiosk.
  if (req.headers.origin !== origin) return `wrong origin ${String(req.headers.origin)}`;
  const given = Buffer.from(url.searchParams.get(WS_TOKEN_PARAM) ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'wrong token';
  return null;
}

function serveClient(ws: WebSocket, core: KioskCore, log: (line: string) => void): void {
  ws.on('message', (data, isBinary) => {
    if (isBinary || !Buffer.isBuffer(data)) return;
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      return;
    }
    const message = ClientMessageSchema.safeParse(json);
    if (!message.success) return;
    const { id } = message.data;
    const reply = (result: Result<unknown>): void => {
      // A slow request (enrollment) may finish after the window went away.
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result } satisfies ServerMessage));
    };
    const result = dispatch(core.handlers, message.data.name, message.data.args, log);
    if (result instanceof Promise) void result.then(reply);
    else reply(result);
  });
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
