// The sync worker thread: its own database connection and the whole push engine, so JSON, zod, HTTP and the
// outbox's writes never run on the thread that answers the door. Talks to the core only by checked messages.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { bindPeerLog, PeerLog } from '../ledger/peer-log.js';
import { DoorActivity } from '../pacing/door-activity.js';
import { DoorAwarePacing } from '../pacing/push-pacing.js';
import { openSyncConnection } from './sync-connection.js';
import { SyncService } from './sync-service.js';
import { SyncWorkerDataSchema, ToWorkerSchema, type FromWorker } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('sync-worker runs only as a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

// Sync is background work: on Linux, where setpriority(…, 0, …) names the calling thread only, this thread yields the
// CPU to the door's. (Elsewhere the call would lower the whole kiosk process, so it is not made.) Priority alone does
// not keep taps fast on a small machine; the pacing (push-pacing.ts) does.
if (process.platform === 'linux') {
  try {
    setPriority(19);
  } catch {
    // Not allowed here: sync just runs at the door's priority.
  }
}

const data = SyncWorkerDataSchema.parse(workerData);
const db = openSyncConnection(data.databasePath, data.nativeBinding);
// Each push reply's city-acks is a row of this machine's peer log, written in the settle's transaction on this
// connection (docs/peers.md §5): the log must be bound here as on the core's, or the acks would not be written.
if (data.peerLog !== undefined) bindPeerLog(db, new PeerLog(db, data.peerLog.deviceId, data.peerLog.signKey, () => Date.now()));
const service = new SyncService({
  db,
  credentials: data.credentials,
  batchSize: data.batchSize,
  backoff: data.backoff,
  idlePollMs: data.idlePollMs,
  networkPollMs: data.networkPollMs,
  queuePollMs: data.queuePollMs,
  recoveryPageSize: data.recoveryPageSize,
  onRecovered: () => post({ type: 'recovered' }),
  limits: data.limits,
  ...(data.relays === undefined ? {} : { relays: data.relays }),
  pacing: new DoorAwarePacing(new DoorActivity(data.doorActivity)),
  log: (line) => post({ type: 'log', line }),
  onStatus: (status) => post({ type: 'status', status }),
  // A passive checkpoint after each batch keeps the WAL short, so the door's own commits rarely pay for one.
  onBatch: () => db.pragma('wal_checkpoint(PASSIVE)'),
});
service.start();

port.on('message', (raw: unknown) => {
  const message = ToWorkerSchema.safeParse(raw);
  if (!message.success) return post({ type: 'log', line: '[sync] worker ignored a malformed message' });
  if (message.data.type === 'nudge') return service.nudge(message.data.reason);
  void service.stop().then(() => {
    db.close();
    post({ type: 'stopped' });
    port.close();
  });
});
