// Throws random frames, sizes, binary and envelopes at a running web host on 127.0.0.1 and checks after every run
// that a well-behaved client still gets its answers (an uncaught error in the host fails the run as well).
import fc from 'fast-check';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { kioskRequests } from '../../shared/api/contract.js';
import { MAX_MESSAGE_BYTES } from '../../shared/api/wire.js';
import { encodeFrame, textFrame } from '../core/testing/raw-websocket.js';
import { call, nextReply, startTestHost, type TestHost } from './testing/test-host.js';

const FUZZ_TIME_LIMIT_MS = 40_000;

async function wellBehavedClientIsAnswered(test: TestHost): Promise<void> {
  const ws = await test.connect();
  try {
    expect(await call(ws, 'getStatus')).toMatchObject({ type: 'result', result: { ok: true, value: { state: 'ready' } } });
  } finally {
    ws.terminate();
  }
}

/** Until the host answered `marker`, closed the connection, or said nothing for `quietMs`. */
function settle(socket: Socket, closed: Promise<void>, marker: string, quietMs: number): Promise<void> {
  return new Promise((done) => {
    let received = '';
    let timer = setTimeout(done, quietMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes(marker)) done();
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    void closed.then(() => done());
  });
}

const payloadSize = fc.oneof(
  { weight: 6, arbitrary: fc.nat(200) },
  { weight: 2, arbitrary: fc.integer({ min: 60_000, max: MAX_MESSAGE_BYTES + 2048 }) },
  { weight: 1, arbitrary: fc.constantFrom(125, 126, 127, 65535, 65536, MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES + 1) },
);

const payload = fc.oneof(
  payloadSize.map((n) => Buffer.alloc(n, 0x61)),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
  fc.string({ unit: 'binary', maxLength: 100 }).map((text) => Buffer.from(text, 'utf8')),
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

const chunk = fc.oneof({ weight: 5, arbitrary: frame }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) });

const requestNames = Object.keys(kioskRequests);

const envelope = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      type: fc.oneof(fc.constant('call'), fc.jsonValue()),
      id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.jsonValue()),
      name: fc.oneof(fc.constantFrom(...requestNames), fc.string({ maxLength: 80 }), fc.jsonValue()),
      args: fc.oneof(fc.constant({}), fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue())),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzzing a running web host', () => {
  it('survives random frames, sizes and bytes on its WebSocket and keeps answering', async () => {
    const test = await startTestHost();
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { minLength: 1, maxLength: 6 }), async (chunks) => {
        const raw = await test.raw();
        for (const bytes of chunks) raw.socket.write(bytes);
        raw.socket.write(textFrame(JSON.stringify({ type: 'call', id: 999_999, name: 'getStatus', args: {} })));
        await settle(raw.socket, raw.closed, '"id":999999', 300);
        raw.socket.destroy();
        await wellBehavedClientIsAnswered(test);
      }),
      { numRuns: 60, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS },
    );
  }, 90_000);

  it('answers every text message, whatever its envelope, with one reply', async () => {
    const test = await startTestHost();
    const ws = await test.connect();
    await fc.assert(
      fc.asyncProperty(envelope, async (message) => {
        const text = JSON.stringify(message) ?? 'null';
        const id = typeof message === 'object' && message !== null && 'id' in message ? message.id : undefined;
        const expectedId = typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
        // An envelope that names a real request with a good id is a call; any other is refused with that id or null.
        const reply = nextReply(ws);
        ws.send(text);
        const answer = await reply;
        expect(answer.id === expectedId || answer.id === null).toBe(true);
        expect(answer.result).toMatchObject({ ok: expect.any(Boolean) as boolean });
      }),
      { numRuns: 300, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS },
    );
    expect(await call(ws, 'getStatus')).toMatchObject({ result: { ok: true } });
    ws.terminate();
  }, 90_000);

  it('survives random bytes in place of an HTTP request and keeps answering', async () => {
    const test = await startTestHost();
    const request = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
      fc
        .tuple(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'X'), fc.string({ maxLength: 200 }), fc.array(fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 80 })), { maxLength: 8 }))
        .map(([method, target, headers]) =>
          Buffer.from(`${method} ${target} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`),
        ),
    );
    await fc.assert(
      fc.asyncProperty(request, async (bytes) => {
        const socket = connect(test.port, '127.0.0.1');
        socket.on('error', () => undefined);
        const closed = new Promise<void>((done) => socket.once('close', () => done()));
        socket.write(bytes);
        await settle(socket, closed, '\r\n\r\n', 200);
        socket.destroy();
        await wellBehavedClientIsAnswered(test);
      }),
      { numRuns: 60, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS },
    );
  }, 90_000);
});
