// Running PeerServers for the worker's tests: each on its machine's port on 127.0.0.1, with no beacon, what it applied
// and the lines it logged kept for the test, and stopped after each test (the last started first).
import { afterEach } from 'vitest';
import { ledgerAppliers } from '../../ledger/peer-apply.js';
import { PeerServer, type PeerServerOptions } from '../peer-server.js';
import type { GroupMachine } from './peer-group-kit.js';

export interface RunningServer {
  server: PeerServer;
  applied: Parameters<PeerServerOptions['onApplied']>[0][];
  lines: string[];
}

export type StartServer = (m: GroupMachine, over?: Partial<PeerServerOptions>) => RunningServer;

/**
 * Registers the afterEach that stops every server started in a test, and answers the function that starts one for a
 * machine: ledger appliers, members asked every minute and dials retried from 50 ms to 200 ms unless `defaults` (for
 * this file) or `over` (for one server) say otherwise.
 */
export function usePeerServers(defaults: Partial<PeerServerOptions> = {}): StartServer {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return (m, over = {}) => {
    const applied: RunningServer['applied'] = [];
    const lines: string[] = [];
    const server = new PeerServer({
      db: m.db,
      log: m.peers,
      signKey: m.signKey,
      host: '127.0.0.1',
      peerPort: m.port,
      appliers: ledgerAppliers,
      beacon: null,
      tuning: { membersEveryMs: 60_000, dialBackoff: { firstMs: 50, maxMs: 200 } },
      wallMs: () => Date.now(),
      onApplied: (a) => applied.push(a),
      logLine: (line) => lines.push(line),
      ...defaults,
      ...over,
    });
    cleanups.push(() => server.stop());
    return { server, applied, lines };
  };
}
