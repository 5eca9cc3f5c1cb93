// Outbox rows the city acknowledged are deleted once they are older than the admin's setting (outboxKeepSentDays, 30
// days by default), so the queue does not keep every record twice for years. Off the door's path: a few minutes after
// the background work starts and then every few hours, in short transactions of 500 rows (a few milliseconds each) with the event loop
// let through between them, so a tap waits at most for one batch. Only 'sent' rows ever go (the delete triggers of
// migration 0003 hold that too); the events themselves stay, with their chain and the табель built from them.
import type { Clock } from '../time/clock.js';
import { storageProblemOf } from '../db/storage-failure.js';
import type { OutboxStore } from './outbox-store.js';
import type { SettingsStore } from './settings-store.js';

export const PRUNE_EVERY_MS = 6 * 60 * 60_000;
export const PRUNE_FIRST_AFTER_MS = 5 * 60_000;
export const PRUNE_BATCH = 500;
/** A run stops here and the next one goes on: 10 million rows, far past any kindergarten's year. */
const MAX_BATCHES = 10_000;
const DAY_MS = 24 * 60 * 60_000;

export interface OutboxPrunerOptions {
  outbox: OutboxStore;
  settings: SettingsStore;
  clock: Clock;
  log: (line: string) => void;
  everyMs?: number;
  firstAfterMs?: number;
  batch?: number;
}

export class OutboxPruner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private running: Promise<number> | null = null;

  constructor(private readonly options: OutboxPrunerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.options.firstAfterMs ?? PRUNE_FIRST_AFTER_MS);
  }

  /** No new batch starts after this; one already running ends first (it is one short transaction). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Deletes every acknowledged row past the kept days, batch by batch; answers how many went. One run at a time. */
  pruneNow(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(afterMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.pruneNow().then(() => this.schedule(this.options.everyMs ?? PRUNE_EVERY_MS));
    }, afterMs);
    this.timer.unref();
  }

  private async run(): Promise<number> {
    const { outbox, settings, clock, log } = this.options;
    const batch = this.options.batch ?? PRUNE_BATCH;
    const keepDays = settings.get('outboxKeepSentDays');
    const before = clock.now().getTime() - keepDays * DAY_MS;
    let deleted = 0;
    for (let i = 0; i < MAX_BATCHES && !this.stopped; i++) {
      let n: number;
      try {
        n = outbox.pruneSent(before, batch);
      } catch (error) {
        // A full or failing disk (a delete needs room in the WAL too), or the file closed under a stopping kiosk:
        // the rows wait for the next run.
        if (storageProblemOf(error) === null && !this.stopped) log(`[outbox] pruning stopped: ${error instanceof Error ? error.message : String(error)}`);
        else log(`[outbox] pruning waits: ${error instanceof Error ? error.message : String(error)}`);
        break;
      }
      deleted += n;
      if (n < batch) break;
      // Let a tap that came meanwhile through before the next batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (deleted > 0) log(`[outbox] ${deleted} rows the city acknowledged over ${keepDays} days ago deleted (their events stay)`);
    return deleted;
  }
}
