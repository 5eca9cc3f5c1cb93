// Sync for one kiosk database connection: the city client, the push engine, the loop that schedules it, the
// network watch that nudges it, and the status the screen shows. Runs in the sync worker, on its own connection.
import type { Database } from 'better-sqlite3';
import type { SyncStatus } from '../../../shared/sync/sync-status.js';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { CityClient } from './city-client.js';
import type { HttpLimits } from './http-request.js';
import { watchNetwork } from './network-watch.js';
import { PushEngine } from './push-engine.js';
import { RosterStatus } from './roster-status.js';
import type { PushPacing } from '../pacing/push-pacing.js';
import type { SyncCredentials } from './sync-credentials.js';
import { SyncLoop, type NudgeReason } from './sync-loop.js';
import { ChainRecovery } from './recovery/chain-recovery.js';
import { RecoveryState } from './recovery/recovery-state.js';
import { SYNC_KEYS } from '../ledger/sync-state.js';
import type { RelayTokens } from './relay-tokens.js';
import { SyncRelay } from './sync-relay.js';

export interface SyncServiceOptions {
  db: Database;
  credentials: SyncCredentials;
  now?: () => number;
  batchSize?: number;
  backoff?: BackoffPolicy;
  limits?: Partial<HttpLimits>;
  idlePollMs?: number;
  /** How often the interfaces are compared; 0 turns the watch off. */
  networkPollMs?: number;
  /**
   * How often the outbox's newest seq is compared with the last one seen, so records written by any connection (the
   * door's taps, staff overrides) are pushed without the door having to tell; 0 turns it off.
   */
  queuePollMs?: number;
  log?: (line: string) => void;
  onStatus?: (status: SyncStatus) => void;
  onBatch?: () => void;
  /** How hard to push (see push-pacing.ts); full speed when absent. */
  pacing?: PushPacing;
  /** Records per page when putting back this kiosk's own events from the city; the protocol's page unless a test says. */
  recoveryPageSize?: number;
  /** This kiosk's own events were put back from the city: the chain's end moved (the core moves its anchor). */
  onRecovered?: () => void;
  /** The doors this kiosk pushes for (docs/peers.md §5), each with its own token: pushed after its own, each round. */
  relays?: RelayTokens;
}

export class SyncService {
  private readonly client: CityClient;
  private readonly engine: PushEngine;
  private readonly loop: SyncLoop;
  private readonly roster: RosterStatus;
  private readonly recovery: RecoveryState;
  private readonly relay: SyncRelay | null;
  private stopWatch: (() => void) | null = null;
  private queueTimer: NodeJS.Timeout | null = null;
  private lastStatus = '';
  private stopped = false;

  constructor(private readonly options: SyncServiceOptions) {
    const now = options.now ?? Date.now;
    this.client = new CityClient({ serverUrl: options.credentials.serverUrl, token: options.credentials.token, limits: options.limits, now });
    this.engine = new PushEngine({
      db: options.db,
      client: this.client,
      cityDeviceId: options.credentials.deviceId,
      now,
      batchSize: options.batchSize,
      log: options.log,
      // The status the screen shows follows each batch as soon as its rows are settled (and the rejected counted).
      onBatch: () => {
        options.onBatch?.();
        this.report();
      },
      pacing: options.pacing,
      // The clock offset is measured by the pulls (city-link.ts), not here: one writer for one key. The status is
      // reported once what the reply settles is on disk (onBatch, afterRound), never from rows still pending.
      onReply: () => this.loop.exchangeSucceeded(),
    });
    const recovery = new ChainRecovery({
      db: options.db,
      client: this.client,
      now,
      log: options.log,
      pacing: options.pacing,
      pageSize: options.recoveryPageSize,
      onPutBack: () => {
        options.onRecovered?.();
        this.report();
      },
    });
    const relay = new SyncRelay({
      db: options.db,
      tokens: options.relays ?? {},
      now,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.pacing === undefined ? {} : { pacing: options.pacing }),
      log: options.log ?? (() => undefined),
      ...(options.onBatch === undefined ? {} : { onBatch: options.onBatch }),
    });
    this.relay = relay.doors > 0 ? relay : null;
    this.loop = new SyncLoop({
      engine: this.engine,
      recovery,
      ...(this.relay === null ? {} : { relay: async (stopping: () => boolean) => void (await relay.round(stopping)) }),
      backoff: new Backoff(options.backoff ?? DEFAULT_BACKOFF),
      idlePollMs: options.idlePollMs,
      onState: () => this.report(),
      afterRound: () => this.report(),
      log: options.log,
    });
    this.roster = new RosterStatus(options.db);
    this.recovery = new RecoveryState(options.db);
  }

  start(): void {
    this.loop.start();
    const pollMs = this.options.networkPollMs ?? 5_000;
    if (pollMs > 0) this.stopWatch = watchNetwork(() => this.loop.nudge('network'), pollMs);
    const queuePollMs = this.options.queuePollMs ?? 1_000;
    if (queuePollMs > 0) {
      // The relayed doors' queue too: their records arrive by the peer worker's imports, on its own connection.
      const newestRelayed = this.relay === null ? () => 0 : relayNewest(this.options.db);
      const newestSeqs = (): string => `${this.engine.outbox.newestSeq()} ${newestRelayed()}`;
      let newest = newestSeqs();
      this.queueTimer = setInterval(() => {
        const now = newestSeqs();
        if (now === newest) return;
        newest = now;
        this.nudge('queued');
      }, queuePollMs);
      this.queueTimer.unref();
    }
    this.report();
  }

  async stop(): Promise<void> {
    // Nothing is reported from here on: the connection may close as soon as stop is called.
    this.stopped = true;
    this.stopWatch?.();
    if (this.queueTimer) clearInterval(this.queueTimer);
    await this.loop.stop();
    this.client.close();
    this.relay?.close();
  }

  nudge(reason: NudgeReason): void {
    this.loop.nudge(reason);
    if (reason === 'queued') this.report();
  }

  status(): SyncStatus {
    const loop = this.loop.current();
    const mismatch = this.engine.chainHeadMismatch();
    return {
      state: loop.connection === 'online' ? 'online' : 'offline',
      queued: this.engine.outbox.pendingCount(),
      rejected: this.engine.outbox.rejectedCount(),
      lastSuccessMs: this.engine.state.getInt(SYNC_KEYS.lastSuccessMs),
      lastErrorCode: loop.lastErrorCode,
      clockDriftMs: this.engine.state.getInt(SYNC_KEYS.clockOffsetMs),
      chainHeadMismatch: mismatch !== null,
      cityBehind: mismatch?.kind === 'city-behind',
      halted: loop.halted,
      rosterProblem: this.roster.problem(),
      recovered: this.recovery.recovered(),
      recoveryProblem: this.recovery.problem(),
    };
  }

  /** Tells the listener when anything it shows changed. */
  private report(): void {
    if (!this.options.onStatus || this.stopped) return;
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.options.onStatus(status);
  }
}

/** The newest seq of the relay outbox, every door's (read each poll: a statement prepared once). */
function relayNewest(db: Database): () => number {
  const newest = db.prepare<[], number | null>('SELECT max(seq) FROM relay_outbox').pluck();
  return () => newest.get() ?? 0;
}
