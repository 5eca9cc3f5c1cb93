// Writes a WireReply: all at once, or trickled at a given rate (a slow network), and cut short when the reply is a
// lost acknowledgement. Never throws: a client that went away is the normal end of some faults.
import type { ServerResponse } from 'node:http';
import type { WireReply } from './wire-reply.js';

const TRICKLE_TICK_MS = 100;

export async function writeWire(res: ServerResponse, wire: WireReply, bytesPerSecond: number | null, signal: AbortSignal): Promise<void> {
  if (res.destroyed) return;
  res.statusCode = wire.status;
  for (const [name, value] of Object.entries(wire.headers)) res.setHeader(name, value);
  res.setHeader('content-length', String(wire.body.length));
  const sendable = wire.cutAfterBytes === undefined ? wire.body : wire.body.subarray(0, wire.cutAfterBytes);
  if (bytesPerSecond === null) {
    if (wire.cutAfterBytes === undefined) {
      res.end(sendable);
      return;
    }
    res.write(sendable, () => res.destroy());
    return;
  }
  res.flushHeaders();
  const perTick = Math.max(1, Math.floor((bytesPerSecond * TRICKLE_TICK_MS) / 1000));
  for (let offset = 0; offset < sendable.length; offset += perTick) {
    if (res.destroyed || signal.aborted) return;
    res.write(sendable.subarray(offset, offset + perTick));
    await sleep(TRICKLE_TICK_MS, signal);
  }
  if (wire.cutAfterBytes === undefined) res.end();
  else res.destroy();
}

/** Resolves after ms, or at once when the server is closing. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
