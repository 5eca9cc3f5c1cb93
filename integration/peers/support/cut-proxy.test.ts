// The LAN stand-in itself: data crosses while up, a reset cut tears connections down and refuses new ones, a silent cut
// lets nothing cross while the sockets stay open, and restoring lets fresh connections through again.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../city-server/src/faults.js';
import { planCuts, startCutProxy, type CutProxy } from './cut-proxy.js';

const WAIT_MS = 2_000;

function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.on('data', (chunk: Buffer) => socket.write(chunk)));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    resolve({ server, port: address.port });
  }));
}

function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** The echo of `text`, or null when nothing came back within `ms`. */
function echoOf(socket: Socket, text: string, ms = 300): Promise<string | null> {
  return new Promise((resolve) => {
    let got = '';
    const timer = setTimeout(() => resolve(got === '' ? null : got), ms);
    socket.on('data', (chunk: Buffer) => {
      got += chunk.toString();
      if (got === text) {
        clearTimeout(timer);
        resolve(got);
      }
    });
    socket.write(text);
  });
}

function closed(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), WAIT_MS);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('the cut proxy', () => {
  let proxy: CutProxy | null = null;
  let echo: Server | null = null;
  afterEach(async () => {
    await proxy?.close();
    echo?.close();
  });

  it('carries data while up, tears down and refuses while reset-cut, and carries new connections once restored', async () => {
    const target = await echoServer();
    echo = target.server;
    proxy = await startCutProxy(target.port);
    const first = await dial(proxy.port);
    expect(await echoOf(first, 'hello')).toBe('hello');
    proxy.cut('reset');
    expect(await closed(first)).toBe(true);
    const during = await dial(proxy.port);
    expect(await closed(during)).toBe(true);
    proxy.restore();
    const after = await dial(proxy.port);
    expect(await echoOf(after, 'again')).toBe('again');
    after.destroy();
    expect(proxy.connections).toBe(2);
  });

  it('lets nothing cross a silent cut while the connection stays open, and drops it on restore', async () => {
    const target = await echoServer();
    echo = target.server;
    proxy = await startCutProxy(target.port);
    const socket = await dial(proxy.port);
    expect(await echoOf(socket, 'up')).toBe('up');
    proxy.cut('silent');
    expect(await echoOf(socket, 'lost')).toBeNull();
    expect(socket.destroyed).toBe(false);
    proxy.restore();
    expect(await closed(socket)).toBe(true);
    const fresh = await dial(proxy.port);
    expect(await echoOf(fresh, 'back')).toBe('back');
    fresh.destroy();
  });
});

describe('a seeded plan of cuts', () => {
  it('is the same for the same seed, keeps each cut inside its slice, and mixes both kinds', () => {
    const plan = planCuts(mulberry32(7), 20, 30_000);
    expect(planCuts(mulberry32(7), 20, 30_000)).toEqual(plan);
    expect(planCuts(mulberry32(8), 20, 30_000)).not.toEqual(plan);
    plan.forEach((cut, i) => {
      expect(cut.atMs).toBeGreaterThanOrEqual(i * 1_500);
      expect(cut.atMs + cut.forMs).toBeLessThanOrEqual((i + 1) * 1_500);
      expect(cut.forMs).toBeGreaterThan(0);
    });
    expect(new Set(plan.map((c) => c.mode))).toEqual(new Set(['reset', 'silent']));
  });
});
