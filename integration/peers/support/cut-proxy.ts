// A TCP proxy standing for the LAN between two machines (docs/peers.md §10, the partitions proof): a machine dials the
// proxy's port instead of its peer's, and the test cuts and restores the link. A cut is either what a pulled cable or
// a router reboot does (`reset`: every connection torn down, new ones refused until restored) or what a Wi-Fi access
// point dropping packets does (`silent`: connections stay open but nothing crosses either way, so only the sessions'
// own timeouts notice). Loopback only.
import { createServer, connect, type Server, type Socket } from 'node:net';

export type CutMode = 'reset' | 'silent';

export interface CutProxy {
  /** The port the proxy listens on, 127.0.0.1. */
  readonly port: number;
  /** Connections that crossed since the start (each accepted while the link was up). */
  readonly connections: number;
  readonly isCut: boolean;
  cut(mode: CutMode): void;
  restore(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  server: Socket;
}

export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  const pairs = new Set<Pair>();
  let cutMode: CutMode | null = null;
  let crossed = 0;

  const tearDown = (pair: Pair): void => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.server.destroy();
  };

  const server: Server = createServer((client) => {
    // While cut, a new connection gets what the cut gives: torn down at once, or left hanging with nothing crossing.
    if (cutMode === 'reset') return void client.destroy();
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    const pair: Pair = { client, server: upstream };
    pairs.add(pair);
    crossed += 1;
    client.on('data', (chunk: Buffer) => {
      if (cutMode === null) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (cutMode === null) client.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on('error', () => tearDown(pair));
      socket.on('close', () => tearDown(pair));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy did not get a TCP port');

  return {
    port: address.port,
    get connections() {
      return crossed;
    },
    get isCut() {
      return cutMode !== null;
    },
    cut(mode) {
      cutMode = mode;
      if (mode === 'reset') for (const pair of [...pairs]) tearDown(pair);
    },
    restore() {
      // Connections left hanging by a silent cut are not revived: what was lost in them stays lost, as on a real LAN,
      // and only fresh connections carry data again.
      if (cutMode === 'silent') for (const pair of [...pairs]) tearDown(pair);
      cutMode = null;
    },
    close() {
      for (const pair of [...pairs]) tearDown(pair);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One cut of a seeded plan: when it starts and how long it lasts, from the run's start. */
export interface PlannedCut {
  atMs: number;
  forMs: number;
  mode: CutMode;
}

/**
 * `count` cuts spread over `spanMs`, drawn from `random` (seeded: the test prints the seed, so a failure replays):
 * each starts in its own slice of the span and lasts up to 60 % of it, so a link is always up again before its next cut.
 */
export function planCuts(random: () => number, count: number, spanMs: number): PlannedCut[] {
  const slice = spanMs / count;
  return Array.from({ length: count }, (_, i) => {
    const forMs = Math.round(slice * (0.1 + 0.5 * random()));
    const atMs = Math.round(i * slice + (slice - forMs) * random());
    return { atMs, forMs, mode: random() < 0.5 ? 'reset' : 'silent' };
  });
}
