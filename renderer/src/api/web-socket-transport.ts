// The web host's transport: one WebSocket to 127.0.0.1, signed in by the session cookie the launch link gave this
// page (the browser sends it with the upgrade), reconnecting with back-off when the link drops.
import { MAX_MESSAGE_BYTES, ServerMessageSchema, WS_PATH, type ClientMessage } from '../../../shared/api/wire.js';
import type { RawTransport } from '../../../shared/api/checked-client.js';
import { markNow } from '../perf/marks.js';

type Pending = { resolve: (value: unknown) => void };

export type ConnectionListener = (connected: boolean) => void;

export function webSocketTransport(onConnection: ConnectionListener): RawTransport {
  const url = `ws://${location.host}${WS_PATH}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket;
  let retryMs = 250;
  // Calls wait for the first connection; once a link has dropped, they fail at once instead, so a tap at the
  // door gets an answer now and is never sent (and recorded) later, after the screen already said it failed.
  let dropped = false;

  const connect = (): void => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      retryMs = 250;
      dropped = false;
      onConnection(true);
      for (const message of queue.splice(0)) socket.send(message);
    };
    socket.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return;
      markNow('esik:reply-received');
      const parsed = ServerMessageSchema.safeParse(safeJson(event.data));
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'result') {
        const { id, result } = message;
        // null: the host could not read one of our messages at all, a bug in this transport, never a user's doing.
        if (id === null) console.error(`the kiosk core could not read a message: ${result.ok ? '' : (result.error.detail ?? result.error.code)}`);
        else {
          pending.get(id)?.resolve(result);
          pending.delete(id);
        }
      } else {
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      }
    };
    socket.onclose = () => {
      dropped = true;
      queue.length = 0;
      onConnection(false);
      // Calls in flight will never be answered by this socket: fail them so the screen can say so.
      for (const [id, p] of pending) {
        p.resolve({ ok: false, error: { code: 'INTERNAL', detail: 'connection to the kiosk core closed' } });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    call(name, args) {
      const id = nextId++;
      const message: ClientMessage = { type: 'call', id, name, args };
      const text = JSON.stringify(message);
      return new Promise((resolve) => {
        // The host closes a connection that sends more (1009); refuse here instead, for this call only.
        if (new TextEncoder().encode(text).length > MAX_MESSAGE_BYTES) {
          resolve({ ok: false, error: { code: 'INVALID_REQUEST', detail: `request over ${MAX_MESSAGE_BYTES} bytes` } });
          return;
        }
        if (socket.readyState !== WebSocket.OPEN && dropped) {
          resolve({ ok: false, error: { code: 'INTERNAL', detail: 'not connected to the kiosk core' } });
          return;
        }
        pending.set(id, { resolve });
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
