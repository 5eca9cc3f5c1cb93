// Random frames, sizes and bytes thrown at the peer port before any handshake, as a stranger on the LAN could: the
// listener must not fall over, must not leak its count of handshakes under way, and must still take a proper peer.
import fc from 'fast-check';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_HANDSHAKE_FRAME_BYTES } from '../../../../shared/peers/peer-protocol.js';
import { encodeFrame, rawUpgrade } from '../../testing/raw-websocket.js';
import { startPeerListener, type PeerConnection } from './peer-listener.js';

const FUZZ_TIME_LIMIT_MS = 30_000;
const MAX_HANDSHAKES = 4;

/** A stand-in for the handshake: the text "ok" authenticates and is answered "ready". */
function handshakeStandIn(c: PeerConnection): void {
  c.onMessage((data, isBinary) => {
    if (!isBinary && data.toString() === 'ok') {
      c.authenticated();
      c.send('ready');
    }
  });
}

function properPeer(port: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/esik-peer/1`);
    ws.once('error', reject);
    ws.once('open', () => ws.send('ok'));
    ws.once('message', (data: Buffer) => (data.toString() === 'ready' ? resolve(ws) : reject(new Error(data.toString()))));
  });
}

/** Every handshake slot is free again: as many proper peers as the limit can dial at once. */
async function allSlotsFree(port: number): Promise<void> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const dials = await Promise.allSettled(Array.from({ length: MAX_HANDSHAKES }, () => properPeer(port)));
    for (const d of dials) if (d.status === 'fulfilled') d.value.terminate();
    if (dials.every((d) => d.status === 'fulfilled')) return;
    if (Date.now() > deadline) throw new Error('handshake slots still taken after the fuzzed connections closed');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const payload = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom(MAX_HANDSHAKE_FRAME_BYTES, MAX_HANDSHAKE_FRAME_BYTES + 1, 70_000).map((n) => Buffer.alloc(n, 0x7b)),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
);
const frame = fc
  .record({
    opcode: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 8, 9, 10) }, { weight: 1, arbitrary: fc.nat(15) }),
    payload,
    fin: fc.boolean(),
    rsv: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(7) }),
    masked: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    lie: fc.option(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { freq: 8 }),
  })
  .map(({ lie, ...options }) => encodeFrame(lie === null ? options : { ...options, claimedLength: lie }));
const chunk = fc.oneof({ weight: 5, arbitrary: frame }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)) });

describe('fuzzing the peer port', () => {
  it('survives random frames before the handshake, frees its slots and still takes a proper peer', async () => {
    const log: string[] = [];
    const listener = await startPeerListener({ host: '127.0.0.1', port: 0, onConnection: handshakeStandIn, log: (l) => log.push(l), limits: { handshakeMs: 300, maxHandshakes: MAX_HANDSHAKES } });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(chunk, { minLength: 1, maxLength: 5 }), async (chunks) => {
          const raw = await rawUpgrade(listener.port, '/esik-peer/1', { Host: `127.0.0.1:${listener.port}` });
          for (const bytes of chunks) raw.socket.write(bytes);
          await Promise.race([raw.closed, new Promise((r) => setTimeout(r, 400))]);
          raw.socket.destroy();
          await raw.closed;
          await allSlotsFree(listener.port);
        }),
        { numRuns: 40, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS },
      );
    } finally {
      await listener.close();
    }
  }, 60_000);

  it('survives random bytes in place of an HTTP request', async () => {
    const listener = await startPeerListener({ host: '127.0.0.1', port: 0, onConnection: handshakeStandIn, log: () => undefined });
    try {
      const requestBytes = fc.oneof(
        fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
        fc
          .tuple(fc.constantFrom('GET', 'POST', 'X'), fc.string({ maxLength: 200 }))
          .map(([method, target]) => Buffer.from(`${method} ${target} HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`)),
      );
      await fc.assert(
        fc.asyncProperty(requestBytes, async (bytes) => {
          const socket = connect(listener.port, '127.0.0.1');
          socket.on('error', () => undefined);
          const closed = new Promise<void>((done) => socket.once('close', () => done()));
          socket.write(bytes);
          await Promise.race([closed, new Promise((r) => setTimeout(r, 200))]);
          socket.destroy();
          const peer = await properPeer(listener.port);
          peer.terminate();
        }),
        { numRuns: 40, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS },
      );
      expect(listener.connections()).toBeLessThanOrEqual(1);
    } finally {
      await listener.close();
    }
  }, 60_000);
});
