// The peer port (docs/peers.md §2, docs/peer-protocol.md §Transport): a WebSocket listener that takes nothing but the
// upgrade on the protocol's two paths, holds a connection to text frames of a few KiB until the handshake above it says
// who the other side is, and bounds how many connections and handshakes a stranger on the LAN can hold open. What the
// frames mean is the handshake's and the session's business (channel/, peer-session.ts); this file keeps the door shut.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_HANDSHAKE_FRAME_BYTES, MAX_PEER_FRAME_BYTES, PEER_CLOSE, PEER_PATHS } from '../../../../shared/peers/peer-protocol.js';

export type PeerPath = 'session' | 'pair';

export interface PeerListenerLimits {
  maxConnections: number;
  maxHandshakes: number;
  /** A connection that has not finished its handshake by then is closed. */
  handshakeMs: number;
  /**
   * On the pair path, from the joiner's first frame: the pairing exchange's own bound (pairing-run.ts PAIR_EXCHANGE_MS),
   * since it is proven only after a scrypt of N 2^15 on each side, which a busy machine's background thread takes
   * seconds over. A connection that says nothing is still closed at handshakeMs.
   */
  pairExchangeMs: number;
  pingMs: number;
  /** No pong for this long closes the connection. */
  deadMs: number;
}

export const PEER_LISTENER_LIMITS: PeerListenerLimits = { maxConnections: 16, maxHandshakes: 4, handshakeMs: 5_000, pairExchangeMs: 30_000, pingMs: 15_000, deadMs: 45_000 };

/** One accepted connection as the layers above see it. */
export interface PeerConnection {
  path: PeerPath;
  /** "ip:port" of the other side, for the audit. */
  remote: string;
  send(data: string | Uint8Array): void;
  close(code: number, reason: string): void;
  /** The handshake is done: binary frames up to the protocol's limit are let through from now on. */
  authenticated(): void;
  onMessage(listener: (data: Buffer, isBinary: boolean) => void): void;
  onClose(listener: (code: number) => void): void;
}

export interface PeerListenerOptions {
  /** '0.0.0.0' on a kindergarten's LAN; tests use 127.0.0.1. */
  host: string;
  port: number;
  onConnection(connection: PeerConnection): void;
  log(line: string): void;
  limits?: Partial<PeerListenerLimits>;
}

export interface PeerListener {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

const UPGRADE_ONLY = 'Esik peer port: machines of the kindergarten talk here over WebSocket only.\n';

function pathOf(req: IncomingMessage): PeerPath | null {
  const path = (req.url ?? '/').split('?')[0];
  if (path === PEER_PATHS.session) return 'session';
  if (path === PEER_PATHS.pair) return 'pair';
  return null;
}

function remoteOf(req: IncomingMessage): string {
  return `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
}

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

export async function startPeerListener(options: PeerListenerOptions): Promise<PeerListener> {
  const limits = { ...PEER_LISTENER_LIMITS, ...options.limits };
  const log = (line: string): void => options.log(line);
  const server: Server = createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', Upgrade: 'websocket' });
    res.end(UPGRADE_ONLY);
  });
  server.on('error', (error) => log(`[peers] listener error: ${error.message}`));
  server.on('clientError', (_error: Error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PEER_FRAME_BYTES, perMessageDeflate: false });
  wss.on('error', (error) => log(`[peers] WebSocket server error: ${error.message}`));
  let handshaking = 0;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log(`[peers] upgrade failed: ${error.message}`));
    const refuse = (status: string, why: string): void => {
      log(`[peers] refused ${remoteOf(req)}: ${why}`);
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${UPGRADE_ONLY}`);
    };
    const path = pathOf(req);
    if (path === null) return refuse('426 Upgrade Required', `wrong path ${(req.url ?? '').slice(0, 80)}`);
    if (wss.clients.size >= limits.maxConnections) return refuse('503 Service Unavailable', `${wss.clients.size} connections open`);
    if (handshaking >= limits.maxHandshakes) return refuse('503 Service Unavailable', `${handshaking} handshakes under way`);
    handshaking += 1;
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, path, remoteOf(req)));
  });

  function accept(ws: WebSocket, path: PeerPath, remote: string): void {
    let authenticated = false;
    let alive = true;
    const messageListeners: ((data: Buffer, isBinary: boolean) => void)[] = [];
    const closeListeners: ((code: number) => void)[] = [];
    const endHandshake = (): void => {
      if (authenticated) return;
      authenticated = true;
      handshaking -= 1;
      clearTimeout(handshakeTimer);
    };
    const handshakeTimeout = (ms: number) =>
      setTimeout(() => {
        log(`[peers] ${remote}: no handshake within ${ms} ms`);
        ws.close(PEER_CLOSE.PEER_BAD_FRAME, 'handshake timeout');
        ws.terminate();
      }, ms);
    let handshakeTimer = handshakeTimeout(limits.handshakeMs);
    // A joiner that spoke gets the exchange's time, once (its scrypts are what takes long).
    let exchanging = false;
    const pinger = setInterval(() => {
      if (!alive) {
        log(`[peers] ${remote}: no pong for ${limits.deadMs} ms`);
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, Math.max(limits.pingMs, Math.floor(limits.deadMs / 3)));
    ws.on('pong', () => (alive = true));
    ws.on('error', (error) => log(`[peers] ${remote}: ${error.message}`));
    ws.on('message', (data, isBinary) => {
      alive = true;
      const bytes = asBuffer(data);
      // Before the other side has proved who it is, only the handshake's small text frames are read at all.
      if (!authenticated && (isBinary || bytes.length > MAX_HANDSHAKE_FRAME_BYTES)) {
        log(`[peers] ${remote}: ${isBinary ? 'binary' : `${bytes.length}-byte`} frame before the handshake`);
        ws.close(PEER_CLOSE.PEER_BAD_FRAME, 'handshake frames are small text');
        ws.terminate();
        return;
      }
      if (!authenticated && path === 'pair' && !exchanging) {
        exchanging = true;
        clearTimeout(handshakeTimer);
        handshakeTimer = handshakeTimeout(limits.pairExchangeMs);
      }
      for (const listener of messageListeners) listener(bytes, isBinary);
    });
    ws.on('close', (code) => {
      clearTimeout(handshakeTimer);
      clearInterval(pinger);
      if (!authenticated) handshaking -= 1;
      authenticated = true;
      for (const listener of closeListeners) listener(code);
    });
    const connection: PeerConnection = {
      path,
      remote,
      send: (data) => {
        if (ws.readyState === ws.OPEN) ws.send(data, { binary: typeof data !== 'string' });
      },
      close: (code, reason) => {
        ws.close(code, reason.slice(0, 120));
        // A peer that does not answer the close frame is not waited for.
        setTimeout(() => ws.terminate(), 1_000).unref();
      },
      authenticated: endHandshake,
      onMessage: (listener) => messageListeners.push(listener),
      onClose: (listener) => closeListeners.push(listener),
    };
    try {
      options.onConnection(connection);
    } catch (error) {
      log(`[peers] ${remote}: ${error instanceof Error ? error.message : String(error)}`);
      ws.terminate();
    }
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => wss.clients.size,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
