// The core's side of the sync worker: starts it, forwards nudges, keeps the last status it reported, and starts it
// again (after a pause) if it dies. The door's thread only posts and receives small messages.
import { Worker } from 'node:worker_threads';
import { NEVER_ENROLLED, type SyncStatus } from '../../../shared/sync/sync-status.js';
import type { NudgeReason } from './sync-loop.js';
import { FromWorkerSchema, type SyncWorkerData, type ToWorker } from './worker-messages.js';

export interface SyncWorkerHostOptions {
  script: string | URL;
  data: SyncWorkerData;
  onStatus: (status: SyncStatus) => void;
  log: (line: string) => void;
  /** The worker put back this kiosk's own events from the city. */
  onRecovered?: () => void;
  restartDelayMs?: number;
}

export class SyncWorkerHost {
  private worker: Worker | null = null;
  private last: SyncStatus = { ...NEVER_ENROLLED, state: 'offline' };
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SyncWorkerHostOptions) {}

  start(): void {
    this.spawn();
  }

  status(): SyncStatus {
    return this.last;
  }

  nudge(reason: NudgeReason): void {
    this.send({ type: 'nudge', reason });
  }

  /** Lets the worker finish its current exchange's bookkeeping and close its connection. */
  async stop(timeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => void worker.terminate(), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): void {
    const worker = new Worker(this.options.script, { workerData: this.options.data });
    this.worker = worker;
    worker.on('message', (raw: unknown) => {
      const message = FromWorkerSchema.safeParse(raw);
      if (!message.success) return this.options.log('[sync] malformed message from the sync worker');
      if (message.data.type === 'status') {
        // After stop, the core may have closed its connection: a late status must not reach it.
        if (this.stopping) return;
        this.last = message.data.status;
        this.options.onStatus(message.data.status);
      } else if (message.data.type === 'log') this.options.log(message.data.line);
      else if (message.data.type === 'recovered' && !this.stopping) this.options.onRecovered?.();
    });
    worker.on('error', (error) => this.options.log(`[sync] worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      this.worker = null;
      if (this.stopping) return;
      const delay = this.options.restartDelayMs ?? 10_000;
      this.options.log(`[sync] worker exited (${code}); starting it again in ${delay} ms`);
      this.restartTimer = setTimeout(() => this.spawn(), delay);
      this.restartTimer.unref();
    });
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}
