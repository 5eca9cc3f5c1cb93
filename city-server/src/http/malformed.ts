// Replies a broken server or a meddling proxy sends, whatever was asked: the kiosk must refuse each of them and
// treat the request as not done.
import type { ServerResponse } from 'node:http';
import { MAX_REPLY_BYTES } from '../../../shared/sync/protocol.js';
import type { MalformedMode } from '../faults.js';
import type { WireReply } from './wire-reply.js';

/** Where redirects point: a host that is not the city (and, being .invalid, never resolves). */
export const FOREIGN_HOST = 'http://city.example.invalid';
/** A megabyte past what the kiosk may read. */
export const HUGE_BODY_BYTES = MAX_REPLY_BYTES + 1024 * 1024;

export function malformedWire(mode: Exclude<MalformedMode, 'huge-body'>, path: string): WireReply {
  switch (mode) {
    case 'not-json':
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from('<html><body>502 Bad Gateway</body></html>') };
    case 'wrong-types':
      // Every field name the protocol's replies use, none with its type.
      return {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: Buffer.from(
          JSON.stringify({
            results: 'all accepted',
            chainHead: 7,
            missing: null,
            kind: 'snapshot',
            cursor: 12,
            roster: [],
            records: {},
            protocolVersions: '1',
            deviceId: 5,
            kindergartenId: false,
            token: 0,
          }),
        ),
      };
    case 'redirect-other-host':
      return { status: 307, headers: { location: `${FOREIGN_HOST}${path}` }, body: Buffer.alloc(0) };
  }
}

/** Streams a JSON-looking body larger than MAX_REPLY_BYTES, with backpressure, stopping if the client hangs up. */
export async function writeHugeBody(res: ServerResponse, declareLength: boolean): Promise<void> {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  if (declareLength) res.setHeader('content-length', String(HUGE_BODY_BYTES));
  const head = Buffer.from('{"results":[],"padding":"');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let written = 0;
  const write = async (bytes: Buffer): Promise<boolean> => {
    if (res.destroyed) return false;
    written += bytes.length;
    if (!res.write(bytes)) await drainedOrClosed(res);
    return !res.destroyed;
  };
  if (!(await write(head))) return;
  while (written < HUGE_BODY_BYTES) {
    const rest = HUGE_BODY_BYTES - written;
    if (!(await write(rest >= chunk.length ? chunk : chunk.subarray(0, rest)))) return;
  }
  res.end();
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
