// The peer worker thread's body (docs/peers.md §5 "Threads"): its own connection to the records file, this machine's
// peer log over it, and the peer link (peer-server.ts), so JSON, crypto checks and imports never run on the door's
// thread. Talks to the core only by checked messages (peer-worker-messages.ts). The appliers are handed in by the
// entry file at the core's top level (peer-worker-entry.ts), since peers/ imports no domain.
import type { Database } from 'better-sqlite3';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { fail, type Result } from '../../../shared/api/result.js';
import type { PeerAppliers } from '../ledger/peer-applier.js';
import { bindPeerLog, PeerLog } from '../ledger/peer-log.js';
import { DoorActivity } from '../pacing/door-activity.js';
import { catchUpPacing } from './catch-up-pacing.js';
import { answerBundleRead, answerBundleWrite, type BundleAskContext } from './bundle/bundle-asks.js';
import { openPeerConnection } from './peer-connection.js';
import { noPairing, PeerServer, type PairingHooks } from './peer-server.js';
import { FromPeerWorkerSchema, PeerWorkerDataSchema, ToPeerWorkerSchema, type FromPeerWorker, type PeerWorkerData } from './peer-worker-messages.js';

/** What pairing inside the worker stands on: the thread's connection and start data, and the way to the host. */
export interface PairingWorkerContext {
  db: Database;
  data: PeerWorkerData;
  /** Hands the group's pepper to the host, which keeps the secrets (this thread cannot open a sealed store). */
  adoptPepper: (pepper: Buffer) => void;
  logLine: (line: string) => void;
}

export interface PeerWorkerParts {
  appliers: PeerAppliers;
  /** Pairing inside the worker (peers/pairing-hooks.ts), when this version has it. */
  pairing?: (server: PeerServer, context: PairingWorkerContext) => PairingHooks;
}

const STATUS_COALESCE_MS = 200;

export function runPeerWorker(parts: PeerWorkerParts): void {
  const port = parentPort;
  if (!port) throw new Error('peer-worker runs only as a worker thread');
  const post = (message: FromPeerWorker): void => {
    // Checked on the way out too: a status the core would refuse is a bug here, said in the log rather than sent.
    const checked = FromPeerWorkerSchema.safeParse(message);
    port.postMessage(checked.success ? message : { t: 'log', line: `[peers] worker made a malformed ${message.t}: ${checked.error.message.slice(0, 500)}` });
  };
  const logLine = (line: string): void => post({ t: 'log', line });

  // Background work: on Linux, where setpriority names the calling thread only, this thread yields to the door's.
  if (process.platform === 'linux') {
    try {
      setPriority(19);
    } catch {
      // Not allowed here: the link runs at the door's priority.
    }
  }

  const data = PeerWorkerDataSchema.parse(workerData);
  const db = openPeerConnection(data.databasePath, data.nativeBinding);
  const log = new PeerLog(db, data.deviceId, data.signKey, () => Date.now());
  // Rows this thread appends (pairing's member records) and the clock an import raises are this log's.
  bindPeerLog(db, log);

  let stopping = false;
  let statusTimer: NodeJS.Timeout | null = null;
  const statusSoon = (): void => {
    if (statusTimer !== null) return;
    statusTimer = setTimeout(() => {
      statusTimer = null;
      if (!stopping) post({ t: 'status', status: server.status() });
    }, STATUS_COALESCE_MS);
    statusTimer.unref();
  };

  const bundleContext: BundleAskContext = {
    db,
    log,
    deviceId: data.deviceId,
    signKey: data.signKey,
    dhKey: data.dhKey ?? null,
    appliers: parts.appliers,
    applied: (applied) => {
      if (applied.kinds.length > 0) post({ t: 'applied', kinds: applied.kinds, children: applied.children, staff: applied.staff });
    },
  };

  const server = new PeerServer({
    db,
    log,
    signKey: data.signKey,
    host: data.host,
    peerPort: data.peerPort,
    appliers: parts.appliers,
    // A catch-up gives way to the door's taps (docs/peers.md §5 "Out of the tap's way").
    pacing: catchUpPacing(new DoorActivity(data.doorActivity)),
    ...(data.beacon === undefined ? {} : { beacon: data.beacon }),
    ...(data.tuning === undefined ? {} : { tuning: data.tuning }),
    ...(parts.pairing === undefined
      ? {}
      : {
          pairing: (s: PeerServer) =>
            parts.pairing?.(s, { db, data, adoptPepper: (pepper) => post({ t: 'pepper', pepper: pepper.toString('base64url') }), logLine }) ?? noPairing,
        }),
    bundles: (ask) => (ask.op === 'bundleWrite' ? answerBundleWrite(bundleContext, ask.args) : answerBundleRead(bundleContext, ask.args)),
    wallMs: () => Date.now(),
    onApplied: (applied) => post({ t: 'applied', ...applied }),
    onChange: statusSoon,
    logLine,
  });

  const started = server.start().catch((error: unknown) => logLine(`[peers] the link did not start: ${error instanceof Error ? error.message : String(error)}`));

  port.on('message', (raw: unknown) => {
    const parsed = ToPeerWorkerSchema.safeParse(raw);
    if (!parsed.success) return logLine('[peers] worker ignored a malformed message');
    const message = parsed.data;
    if (message.t === 'new-head') return server.newHead();
    if (message.t === 'stop') {
      if (stopping) return;
      stopping = true;
      void started
        .then(() => server.stop())
        .finally(() => {
          db.close();
          post({ t: 'stopped' });
          port.close();
        });
      return;
    }
    if (stopping) return post({ t: 'answer', id: message.id, result: fail('PEER_LINK_OFF', 'the link is stopping') });
    void started
      .then(() => server.ask(message))
      .catch((error: unknown): Result<never> => fail('PEER_LINK_OFF', error instanceof Error ? error.message : String(error)))
      .then((result) => post({ t: 'answer', id: message.id, result }));
  });
}
