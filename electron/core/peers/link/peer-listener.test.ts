// The peer port keeps strangers out before any handshake: the upgrade only on the protocol's paths, a few small text
// frames until the handshake is done, bounded connections and handshakes, and a stalled handshake closed.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PEER_CLOSE } from '../../../../shared/peers/peer-protocol.js';
import { rawUpgrade } from '../../testing/raw-websocket.js';
import { startPeerListener, type PeerConnection, type PeerListener, type PeerListenerLimits } from './peer-listener.js';

const open: PeerListener[] = [];
afterEach(async () => {
  for (const listener of open.splice(0)) await listener.close();
});

async function listen(onConnection: (c: PeerConnection) => void, limits: Partial<PeerListenerLimits> = {}): Promise<{ listener: PeerListener; log: string[] }> {
  const log: string[] = [];
  const listener = await startPeerListener({ host: '127.0.0.1', port: 0, onConnection, log: (line) => log.push(line), limits });
  open.push(listener);
  return { listener, log };
}

function dial(port: number, path = '/esik-peer/1'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((done) => ws.once('close', (code) => done(code)));
}

function plainGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the peer listener', () => {
  it('answers a plain request 426 with one line, and refuses an upgrade on another path', async () => {
    const { listener } = await listen(() => undefined);
    const reply = await plainGet(listener.port, '/');
    expect(reply.status).toBe(426);
    expect(reply.body.trim().split('\n')).toHaveLength(1);
    const raw = await rawUpgrade(listener.port, '/esik-peer/2', { Host: `127.0.0.1:${listener.port}` });
    expect(raw.status).toContain('426');
    raw.socket.destroy();
  });

  it('hands a connection on the session and the pairing path to the layer above, with the path named', async () => {
    const paths: string[] = [];
    const { listener } = await listen((c) => {
      paths.push(c.path);
      c.onMessage((data) => c.send(`echo ${data.toString()}`));
    });
    for (const path of ['/esik-peer/1', '/esik-peer/1/pair']) {
      const ws = await dial(listener.port, path);
      const echoed = new Promise<string>((done) => ws.once('message', (data: Buffer) => done(data.toString())));
      ws.send('{"t":"hello"}');
      expect(await echoed).toBe('echo {"t":"hello"}');
      ws.terminate();
    }
    expect(paths).toEqual(['session', 'pair']);
  });

  it('closes a connection that sends a binary frame or a large text frame before its handshake', async () => {
    const seen: string[] = [];
    const { listener } = await listen((c) => c.onMessage((data) => seen.push(data.toString())));
    const binary = await dial(listener.port);
    const binaryClosed = closeCode(binary);
    binary.send(Buffer.from([1, 2, 3]));
    expect(await binaryClosed).toBe(PEER_CLOSE.PEER_BAD_FRAME);
    const large = await dial(listener.port);
    const largeClosed = closeCode(large);
    large.send('x'.repeat(5_000));
    expect(await largeClosed).toBe(PEER_CLOSE.PEER_BAD_FRAME);
    expect(seen).toEqual([]);
  });

  it('lets binary frames through once the handshake above says so', async () => {
    const seen: number[] = [];
    const { listener } = await listen((c) => {
      c.authenticated();
      c.onMessage((data, isBinary) => {
        if (isBinary) seen.push(data.length);
      });
    });
    const ws = await dial(listener.port);
    ws.send(Buffer.alloc(100_000, 1));
    const deadline = Date.now() + 5_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([100_000]);
    ws.terminate();
  });

  it('closes a connection whose handshake does not finish in time', async () => {
    const { listener, log } = await listen(() => undefined, { handshakeMs: 150 });
    const ws = await dial(listener.port);
    const started = Date.now();
    await closeCode(ws);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(log.join('\n')).toContain('no handshake within 150 ms');
  });

  it("gives a joiner that spoke on the pair path the pairing exchange's time, and one that says nothing only the handshake's", async () => {
    // The exchange's bound is what closes a joiner whose scrypts run long, not the short handshake limit.
    const { listener, log } = await listen(() => undefined, { handshakeMs: 2_000, pairExchangeMs: 2_500 });
    const joiner = await dial(listener.port, '/esik-peer/1/pair');
    const joinerClosed = closeCode(joiner);
    joiner.send('{"t":"hello"}');
    await joinerClosed;
    expect(log.join('\n')).toContain('no handshake within 2500 ms');
    expect(log.join('\n')).not.toContain('no handshake within 2000 ms');
    // Silent, it is closed at the handshake's limit; the session path never gets the longer time.
    const silent = await dial(listener.port, '/esik-peer/1/pair');
    await closeCode(silent);
    const session = await dial(listener.port);
    const sessionClosed = closeCode(session);
    session.send('{"t":"hello"}');
    await sessionClosed;
    expect(log.filter((line) => line.includes('no handshake within 2000 ms'))).toHaveLength(2);
  });

  it('takes at most so many handshakes at once, and so many connections', async () => {
    const { listener } = await listen(() => undefined, { maxHandshakes: 2, maxConnections: 3 });
    const first = [await dial(listener.port), await dial(listener.port)];
    await expect(dial(listener.port)).rejects.toThrow(/503/);
    first.forEach((ws) => ws.terminate());
    // Authenticated connections no longer count as handshakes, but still as connections.
    const { listener: second } = await listen((c) => c.authenticated(), { maxHandshakes: 2, maxConnections: 3 });
    const held = [await dial(second.port), await dial(second.port), await dial(second.port)];
    await expect(dial(second.port)).rejects.toThrow(/503/);
    held.forEach((ws) => ws.terminate());
  });
});
