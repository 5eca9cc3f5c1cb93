// What goes back on the wire for one request, including the ways an acknowledgement gets lost or doubled.
// Building the bytes apart from writing them keeps each fault a small, testable transformation.
import type { ErrorReply, PushReply } from '../../../shared/sync/protocol.js';
import type { DuplicateAckShape, LostAckShape } from '../faults.js';
import type { HttpError } from './errors.js';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Readonly<Record<string, string>>;
}

export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Destroy the socket after this many body bytes, though Content-Length promised all of them. */
  cutAfterBytes?: number;
}

export function jsonWire(reply: Reply): WireReply {
  const body = Buffer.from(JSON.stringify(reply.body), 'utf8');
  return { status: reply.status, headers: { 'content-type': 'application/json; charset=utf-8', ...reply.headers }, body };
}

export function errorReply(error: HttpError): Reply {
  const body: ErrorReply = { error: { code: error.code, message: error.message } };
  return { status: error.status, body, headers: error.headers };
}

/** The push was committed, but the kiosk must not be able to read an acknowledgement from this. */
export function lostAck(wire: WireReply, shape: LostAckShape): WireReply {
  const half = Math.floor(wire.body.length / 2);
  switch (shape) {
    case 'empty':
      return { ...wire, body: Buffer.alloc(0) };
    case 'truncated':
      return { ...wire, body: wire.body.subarray(0, half) };
    case 'cut-mid-body':
      return { ...wire, cutAfterBytes: half };
  }
}

/** The push was committed and acknowledged twice: every result listed twice, or the whole body written twice. */
export function duplicateAck(reply: Reply, shape: DuplicateAckShape): WireReply {
  if (shape === 'body-twice') {
    const once = jsonWire(reply);
    return { ...once, body: Buffer.concat([once.body, once.body]) };
  }
  const push = reply.body as PushReply;
  return jsonWire({ ...reply, body: { ...push, results: [...push.results, ...push.results] } });
}
