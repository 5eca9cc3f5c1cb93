// The sync worker thread: its own database connection and the whole push engine, so JSON, zod, HTTP and the
// outbox's writes never run on the thread that answers the door. Talks to the core only by checked messages.
import { parentPort, workerData } from 'node:worker_threads';
import { openSyncConnection } from './sync-connection.js';
import { SyncService } from './sync-service.js';
import { SyncWorkerDataSchema, ToWorkerSchema, type FromWorker } from './worker-messages.js';

const port = parentPort;
if (!port) throw new Error('sync-worker runs only as a worker thread');
const post = (message: FromWorker): void => port.postMessage(message);

const data = SyncWorkerDataSchema.parse(workerData);
const db = openSyncConnection(data.databasePath, data.nativeBinding);
const service = new SyncService({
  db,
  credentials: data.credentials,
  batchSize: data.batchSize,
  backoff: data.backoff,
  idlePollMs: data.idlePollMs,
  networkPollMs: data.networkPollMs,
  queuePollMs: data.queuePollMs,
  limits: data.limits,
  log: (line) => post({ type: 'log', line }),
  onStatus: (status) => post({ type: 'status', status }),
  // A passive checkpoint after each batch keeps the WAL short, so the door's own commits rarely pay for one.
  onBatch: () => { if (!process.env.EXP_NO_CKPT) db.pragma('wal_checkpoint(PASSIVE)'); },
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
