// When the push engine runs: at once when records are queued and the city is reachable; after a failure, again
// after an exponential back-off with full jitter (reset by a success); and at once, back-off forgotten, when the
// network comes back (nudge('network'), from the UI's `online` event or a change in the machine's interfaces).
import type { SyncErrorCode } from '../../../shared/sync/sync-status.js';
import { storageProblemOf } from '../db/storage-failure.js';
import { Backoff } from './backoff.js';
import { SyncError } from './sync-error.js';

export type NudgeReason = 'queued' | 'network' | 'manual';

export interface LoopState {
  /** online after a successful exchange, offline after a failed one; null before the first try. */
  connection: 'online' | 'offline' | null;
  lastErrorCode: SyncErrorCode | null;
  /**
   * Why the loop stopped trying, when it did: the city refused the kiosk's token (401: until it is enrolled again,
   * which starts a new loop) or speaks another protocol version (426: until the kiosk is updated). Records keep
   * queueing meanwhile; null while the loop runs.
   */
  halted: 'enroll-again' | 'update-kiosk' | null;
}

/** The failures a retry cannot fix: a person must enroll the kiosk again or update it (docs/sync-protocol.md). */
function haltFor(code: SyncErrorCode): LoopState['halted'] {
  if (code === 'SYNC_UNAUTHORIZED') return 'enroll-again';
  if (code === 'SYNC_PROTOCOL_UNSUPPORTED') return 'update-kiosk';
  return null;
}

export interface SyncLoopOptions {
  engine: { drain(stopping: () => boolean): Promise<unknown>; reconcile(stopping: () => boolean): Promise<number>; probe(): Promise<void>; readonly exchanges: number };
  /**
   * Puts back this kiosk's own events the city holds beyond its newest (recovery/chain-recovery.ts): run before the
   * push at the first round, again while it asks to ('again'), and when a push showed the city ahead (wanted).
   */
  recovery?: { run(stopping: () => boolean): Promise<'done' | 'again'>; wanted(): boolean };
  /**
   * After this kiosk's own push, each round: the pushes for the doors it relays (relay-push.ts relayRound), each
   * draining its door's queue and noting its own failure, so one door's trouble neither halts nor slows this loop.
   */
  relay?: (stopping: () => boolean) => Promise<void>;
  backoff?: Backoff;
  /** With nothing to do, look again after this long (records queued meanwhile nudge it sooner). */
  idlePollMs?: number;
  onState?: (state: LoopState) => void;
  /** After every round, whatever it did: what the round settled is on disk by then. */
  afterRound?: () => void;
  log?: (line: string) => void;
}

export class SyncLoop {
  private readonly backoff: Backoff;
  private readonly idlePollMs: number;
  private readonly log: (line: string) => void;
  private state: LoopState = { connection: null, lastErrorCode: null, halted: null };
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private backingOff = false;
  private queuedMeanwhile = false;
  /** After a failure (and at start), the city is asked which sent records it lacks. */
  private reconcileNeeded = true;
  /** At start, and until a run completes, this kiosk's own events held by the city are put back before the push. */
  private recoveryNeeded = true;
  /** The disk refused the push's writes (full, read-only, failing) and it was logged: said once, not every round. */
  private diskRefusing: string | null = null;

  constructor(private readonly options: SyncLoopOptions) {
    this.backoff = options.backoff ?? new Backoff();
    this.idlePollMs = options.idlePollMs ?? 60_000;
    this.log = options.log ?? (() => undefined);
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  current(): LoopState {
    return this.state;
  }

  /** A reply was read and understood mid-drain: the city is reachable, whatever the rest of the backlog brings. */
  exchangeSucceeded(): void {
    if (this.state.halted) return;
    this.setState({ connection: 'online', lastErrorCode: null, halted: null });
  }

  /**
   * 'queued': new records; pushed at once unless the loop is backing off (a tap during an outage must not hammer
   * the city). 'network' and 'manual': try now and forget the back-off.
   */
  nudge(reason: NudgeReason): void {
    if (reason === 'queued') {
      this.queuedMeanwhile = true;
      if (this.backingOff) return;
    } else {
      this.backoff.reset();
    }
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped && !this.state.halted) {
      this.queuedMeanwhile = false;
      let delayMs: number;
      try {
        const before = this.options.engine.exchanges;
        const { recovery } = this.options;
        // Before the push: a record pushed from a chain the city holds further would be refused as a fork, forever.
        if (recovery && this.recoveryNeeded && !this.stopped) this.recoveryNeeded = (await recovery.run(() => this.stopped)) === 'again';
        await this.options.engine.drain(() => this.stopped);
        // The relayed doors after the own records: a door's backlog never holds this kiosk's own back.
        if (this.options.relay && !this.stopped) await this.options.relay(() => this.stopped);
        // The push's answer showed the city ahead of this kiosk's newest event: put back at once, in the next round.
        if (recovery && !this.recoveryNeeded && !this.stopped && recovery.wanted()) {
          this.recoveryNeeded = true;
          this.queuedMeanwhile = true;
        }
        if (this.reconcileNeeded && !this.stopped) {
          const requeued = await this.options.engine.reconcile(() => this.stopped);
          this.reconcileNeeded = false;
          if (requeued > 0) this.queuedMeanwhile = true;
        }
        // Nothing to say to the city this round: ask whether it is there, so "online" is never a guess.
        if (this.options.engine.exchanges === before && !this.stopped) await this.options.engine.probe();
        this.backoff.reset();
        this.backingOff = false;
        this.setState({ connection: 'online', lastErrorCode: null, halted: null });
        delayMs = this.queuedMeanwhile ? 0 : this.idlePollMs;
        if (this.diskRefusing !== null) this.log(`[sync] the disk takes the push's writes again (after ${this.diskRefusing})`);
        this.diskRefusing = null;
      } catch (error) {
        const code = error instanceof SyncError ? error.code : 'SYNC_LOCAL';
        const disk = storageProblemOf(error);
        if (!(error instanceof SyncError) && disk === null) this.log(`[sync] unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        this.reconcileNeeded = true;
        this.backingOff = true;
        const halted = haltFor(code);
        delayMs = halted ? 0 : this.backoff.nextDelayMs();
        this.setState({ connection: 'offline', lastErrorCode: code, halted });
        const message = error instanceof Error ? error.message : String(error);
        if (disk !== null) {
          // A full disk lasts until someone frees it: the back-off spaces the tries (up to 5 min apart), and the
          // log says it once rather than at every try. What the city took meanwhile comes back as "duplicate".
          if (this.diskRefusing === null) this.log(`[sync] the disk refuses the push's writes (${disk}: ${message}); trying again with back-off until it takes them`);
          this.diskRefusing = disk;
        } else this.log(
          halted === 'enroll-again'
            ? `[sync] ${message}; sync stopped until the kiosk is enrolled again`
            : halted === 'update-kiosk'
              ? `[sync] ${message}; sync stopped until the kiosk is updated`
              : `[sync] ${message}; next try in ${delayMs} ms`,
        );
      }
      this.options.afterRound?.();
      if (delayMs > 0) await this.sleep(delayMs);
    }
  }

  /** Waits, unless stopped or nudged sooner. The timer does not keep the process alive on its own. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.stopped) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        this.backingOff = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = done;
    });
  }

  private setState(next: LoopState): void {
    if (next.connection === this.state.connection && next.lastErrorCode === this.state.lastErrorCode && next.halted === this.state.halted) return;
    this.state = next;
    this.options.onState?.(next);
  }
}
