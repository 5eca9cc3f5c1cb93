// What the web host does with messages it cannot use: each bad one is answered or closes its own connection, and
// the host keeps answering everyone else.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../shared/api/wire.js';
import { encodeFrame, textFrame } from '../core/testing/raw-websocket.js';
import { call, closeCode, nextReply, startTestHost, type TestHost } from './testing/test-host.js';

async function stillAnswers(test: TestHost): Promise<void> {
  const ws = await test.connect();
  expect(await call(ws, 'getStatus')).toMatchObject({ type: 'result', result: { ok: true, value: { state: 'ready' } } });
  ws.close();
}

const invalid = (id: number | null) => ({ type: 'result', id, result: { ok: false, error: { code: 'INVALID_REQUEST' } } });

describe('the web host and bad messages', () => {
  it('closes a connection that sends a message over 64 KiB with 1009, logs why, and keeps answering', async () => {
    const test = await startTestHost();
    const ws = await test.connect();
    const closed = closeCode(ws);
    ws.send(JSON.stringify({ type: 'call', id: 1, name: 'getStatus', args: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
    expect(await closed).toBe(1009);
    expect(test.logs.join('\n')).toMatch(/closed connection .*(too big|Max payload size exceeded)/i);
    await stillAnswers(test);
  });

  it('reads a message of exactly the limit', async () => {
    const test = await startTestHost();
    const ws = await test.connect();
    const head = JSON.stringify({ type: 'call', id: 3, name: 'getStatus', args: { pad: '' } });
    const message = head.replace('"pad":""', `"pad":"${'x'.repeat(MAX_MESSAGE_BYTES - head.length)}"`);
    expect(Buffer.byteLength(message)).toBe(MAX_MESSAGE_BYTES);
    const reply = nextReply(ws, 3);
    ws.send(message);
    // getStatus takes no arguments: the point is that the message was read and answered, not closed.
    expect(await reply).toMatchObject({ type: 'result', id: 3, result: { ok: false, error: { code: 'INVALID_REQUEST' } } });
  });

  const malformedFrames: [string, Buffer][] = [
    ['an unmasked frame', encodeFrame({ opcode: 1, payload: Buffer.from('{}'), masked: false })],
    ['a reserved opcode', encodeFrame({ opcode: 3, payload: Buffer.from('x') })],
    ['RSV1 without an extension', encodeFrame({ opcode: 1, payload: Buffer.from('{}'), rsv: 4 })],
    ['a ping over 125 bytes', encodeFrame({ opcode: 9, payload: Buffer.alloc(126) })],
    ['a fragmented ping', encodeFrame({ opcode: 9, payload: Buffer.from('p'), fin: false })],
    ['a continuation with nothing to continue', encodeFrame({ opcode: 0, payload: Buffer.from('x') })],
    ['text that is not UTF-8', encodeFrame({ opcode: 1, payload: Buffer.from([0xc3, 0x28, 0xff]) })],
    ['a close with a reserved code', encodeFrame({ opcode: 8, payload: Buffer.from([0x03, 0xe7]) })],
    ['a length of 2^63', encodeFrame({ opcode: 1, payload: Buffer.alloc(0), claimedLength: 2n ** 63n })],
    ['a length of 4 GiB', encodeFrame({ opcode: 2, payload: Buffer.alloc(0), claimedLength: 2n ** 32n })],
  ];

  it.each(malformedFrames)('closes only the connection that sent %s, with a logged reason', async (_name, frame) => {
    const test = await startTestHost();
    const bystander = await test.connect();
    const raw = await test.raw();
    expect(raw.status).toBe('HTTP/1.1 101 Switching Protocols');
    raw.socket.write(frame);
    await raw.closed;
    expect(test.logs.some((line) => line.includes('closed connection'))).toBe(true);
    expect(await call(bystander, 'getStatus')).toMatchObject({ result: { ok: true } });
    await stillAnswers(test);
  });

  it('answers malformed JSON with a coded error instead of silence', async () => {
    const test = await startTestHost();
    const ws = await test.connect();
    for (const text of ['{', 'not json', '', '{"type":"call","id":1,', '\u0000']) {
      const reply = nextReply(ws);
      ws.send(text);
      expect(await reply, text).toMatchObject(invalid(null));
    }
    expect(await call(ws, 'getStatus')).toMatchObject({ result: { ok: true } });
  });

  it('answers a wrong envelope with a coded error, to the caller id when there is one', async () => {
    const test = await startTestHost();
    const ws = await test.connect();
    const cases: [unknown, number | null][] = [
      [{ type: 'call', id: 5, name: 7, args: {} }, 5],
      [{ type: 'cast', id: 6, name: 'getStatus', args: {} }, 6],
      [{ type: 'call', id: 8, name: 'x'.repeat(65), args: {} }, 8],
      [{ type: 'call', id: -1, name: 'getStatus', args: {} }, null],
      [{ type: 'call', id: 1.5, name: 'getStatus', args: {} }, null],
      [{ type: 'call', name: 'getStatus', args: {} }, null],
      [[1, 2, 3], null],
      ['call', null],
      [null, null],
      [42, null],
    ];
    for (const [message, id] of cases) {
      const reply = nextReply(ws);
      ws.send(JSON.stringify(message));
      expect(await reply, JSON.stringify(message)).toMatchObject(invalid(id));
    }
    const reply = nextReply(ws);
    ws.send(Buffer.from(JSON.stringify({ type: 'call', id: 9, name: 'getStatus', args: {} })), { binary: true });
    expect(await reply).toMatchObject(invalid(null));
    expect(await call(ws, 'noSuchRequest')).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_REQUEST' } } });
  });

  it('refuses connections over the cap and takes new ones once one closes', async () => {
    const test = await startTestHost({ maxConnections: 3 });
    const open = [await test.connect(), await test.connect(), await test.connect()];
    await expect(test.connect()).rejects.toThrow(/503/);
    expect(test.logs.join('\n')).toMatch(/refused WebSocket: 3 connections open/);
    const closing = closeCode(open[0]!);
    open[0]!.close();
    await closing;
    // The server sees the close a moment after the client.
    const deadline = Date.now() + 5000;
    for (;;) {
      try {
        await stillAnswers(test);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(20);
      }
    }
  });

  it('drops a client that never reads its replies instead of buffering them without end', async () => {
    const test = await startTestHost({ maxUnreadBytes: 256 * 1024 });
    const raw = await test.raw();
    raw.socket.pause();
    const calls = Buffer.concat(Array.from({ length: 500 }, (_, i) => textFrame(JSON.stringify({ type: 'call', id: i, name: 'getStatus', args: {} }))));
    // Loopback buffers in the kernel take several MiB before anything waits in the host: keep asking until dropped.
    const deadline = Date.now() + 15_000;
    let dropped = false;
    while (!dropped && Date.now() < deadline) {
      if (!raw.socket.write(calls)) await Promise.race([new Promise((drained) => raw.socket.once('drain', drained)), raw.closed, sleep(200)]);
      dropped = test.logs.some((line) => /dropped connection .*unread/.test(line));
    }
    expect(dropped).toBe(true);
    await stillAnswers(test);
  });
});
