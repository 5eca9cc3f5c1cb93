// One WebSocket client of the web host: each text message is a KioskApi call, answered on the same socket. A message
// the host cannot use gets a coded error reply, so no caller waits forever; a broken frame, a socket error or a
// client that stops reading its replies closes that one connection, with the reason in the log. Nothing a client
// sends can take the host down.
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { fail, type Result } from '../../shared/api/result.js';
import { ClientMessageSchema, type ServerMessage } from '../../shared/api/wire.js';
import { dispatch } from '../core/api/dispatch.js';
import type { KioskHandlers } from '../core/kiosk-core.js';

export interface ApiSocketLimits {
  /** Replies and events waiting to be read by the client, in bytes, before the client is dropped. */
  maxUnreadBytes: number;
  /** How often the host pings; a client that has not answered the previous ping by then is dropped. */
  heartbeatMs: number;
}

export interface ApiSocketContext {
  handlers: KioskHandlers;
  limits: ApiSocketLimits;
  log: (line: string) => void;
}

// Only the id is read from an envelope that failed: the error then reaches the call that is waiting for it.
const EnvelopeIdSchema = z.object({ id: ClientMessageSchema.shape.id });

/**
 * Sends one message, or drops the client if what it has left unread is over the limit: a client that never reads
 * must not make the host keep its replies in memory without end.
 */
export function sendOrDrop(ws: WebSocket, text: string, label: string, limits: ApiSocketLimits, log: (line: string) => void): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount + Buffer.byteLength(text) > limits.maxUnreadBytes) {
    log(`[web] dropped connection ${label}: ${ws.bufferedAmount} bytes of replies unread (limit ${limits.maxUnreadBytes})`);
    ws.terminate();
    return;
  }
  ws.send(text);
}

export function serveApiSocket(ws: WebSocket, label: string, context: ApiSocketContext): void {
  const { handlers, limits, log } = context;
  const send = (message: ServerMessage): void => sendOrDrop(ws, JSON.stringify(message), label, limits, log);
  const reply = (id: number | null, result: Result<unknown>): void => send({ type: 'result', id, result });

  // ws closes the connection itself after a protocol error (1002), a message over the limit (1009) or text that is
  // not UTF-8 (1007); without a listener the error would be thrown and end the process.
  ws.on('error', (error: Error & { code?: string }) => log(`[web] closed connection ${label}: ${error.message}${error.code ? ` (${error.code})` : ''}`));

  let alive = true;
  ws.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) {
      log(`[web] dropped connection ${label}: no answer to a ping in ${limits.heartbeatMs} ms`);
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, limits.heartbeatMs);
  heartbeat.unref();
  ws.on('close', () => clearInterval(heartbeat));

  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      reply(null, fail('INVALID_REQUEST', 'binary messages are not calls; send JSON text'));
      return;
    }
    const json = parseJson(Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]));
    if (json === undefined) {
      reply(null, fail('INVALID_REQUEST', 'the message is not JSON'));
      return;
    }
    const message = ClientMessageSchema.safeParse(json);
    if (!message.success) {
      const envelope = EnvelopeIdSchema.safeParse(json);
      const issues = message.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
      reply(envelope.success ? envelope.data.id : null, fail('INVALID_REQUEST', `not a call: ${issues}`.slice(0, 500)));
      return;
    }
    const { id, name, args } = message.data;
    const result = dispatch(handlers, name, args, log);
    // A slow request (enrollment) may finish after the client went away; sendOrDrop then sends nothing.
    if (result instanceof Promise) void result.then((settled) => reply(id, settled));
    else reply(id, result);
  });
}

function parseJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
