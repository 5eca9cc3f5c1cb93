// Sync as the kiosk core sees it: started when the kiosk is enrolled (sync_state names a server and the token can be
// read), run in the sync worker thread, its status kept for getSyncStatus and reported on every change. The door never
// waits for any of it. The credentials are read at start and again when the core says they changed (enrollment).
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { NEVER_ENROLLED, type SyncStatus } from '../../../shared/sync/sync-status.js';
import type { BackoffPolicy } from './backoff.js';
import { DoorActivity } from '../pacing/door-activity.js';
import type { HttpLimits } from './http-request.js';
import { OutboxStore } from '../ledger/outbox-store.js';
import { RosterStatus } from './roster-status.js';
import type { RelayTokens } from './relay-tokens.js';
import type { SyncCredentials, SyncCredentialsProvider } from './sync-credentials.js';
import type { NudgeReason } from './sync-loop.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';
import { SyncWorkerHost } from './sync-worker-host.js';

/** Knobs for tests and the bench; a kiosk runs with the defaults. */
export interface SyncTuning {
  batchSize?: number;
  backoff?: BackoffPolicy;
  idlePollMs?: number;
  networkPollMs?: number;
  queuePollMs?: number;
  limits?: Partial<HttpLimits>;
  recoveryPageSize?: number;
}

export interface KioskSyncOptions {
  /** The core's connection: the counts for the never-enrolled status, and the roster's state. */
  db: Database;
  databasePath: string;
  nativeBinding: string | null;
  credentials: SyncCredentialsProvider;
  /** The sync worker's script: dist/sync-worker.mjs, or the dev script when running from the sources. */
  workerScript: string | URL;
  onStatus: (status: SyncStatus) => void;
  log: (line: string) => void;
  /** The worker put back this kiosk's own events from the city: the chain's end moved. */
  onRecovered?: () => void;
  tuning?: SyncTuning;
  /** The doors this kiosk pushes for (relay-tokens.ts), read at every (re)start of the worker. */
  relays?: () => RelayTokens;
  /** This machine's peer log for the worker's connection (its city-acks); absent: the log is off. */
  peerLog?: { deviceId: string; signKey: KeyObject };
}

export class KioskSync {
  private runner: SyncWorkerHost | null = null;
  /** Bumped by every refresh and stop: a start still waiting for the old worker to stop is dropped when it moved on. */
  private generation = 0;
  private readonly outbox: OutboxStore;
  /** The roster pull runs in this thread (city-link.ts): its outcome is read here, fresh, for every status. */
  private readonly roster: RosterStatus;
  /** Read by the push's pacing in the worker: the push slows down while people are at the door. */
  private readonly door = new DoorActivity();

  constructor(private readonly options: KioskSyncOptions) {
    this.outbox = new OutboxStore(options.db);
    this.roster = new RosterStatus(options.db);
  }

  start(): void {
    this.refresh();
  }

  status(): SyncStatus {
    return this.withRoster(this.runner?.status() ?? { ...NEVER_ENROLLED, queued: this.outbox.pendingCount(), rejected: this.outbox.rejectedCount() });
  }

  /** A roster pull ended (applied or refused): the screen hears whether the roster is stale at once. */
  rosterChecked(): void {
    this.options.onStatus(this.status());
  }

  private withRoster(status: SyncStatus): SyncStatus {
    return { ...status, rosterProblem: this.roster.problem() };
  }

  /** Someone scanned, confirmed or overrode at the door: the push gives way for a while. */
  doorActed(): void {
    this.door.markUse();
  }

  nudge(reason: NudgeReason): void {
    if (this.runner) this.runner.nudge(reason);
    // A (re)start is under way: a fresh engine tries at once anyway.
  }

  async stop(): Promise<void> {
    this.generation += 1;
    const runner = this.runner;
    this.runner = null;
    await runner?.stop();
  }

  /**
   * The credentials changed (an enrollment; a test's or the bench's provider): the worker is stopped and, when the
   * kiosk is enrolled, started again with what the provider gives now.
   */
  refresh(): void {
    let next: SyncCredentials | null;
    try {
      next = this.options.credentials();
    } catch (error) {
      this.options.log(`[sync] cannot read the sync credentials: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const generation = (this.generation += 1);
    const previous = this.runner;
    this.runner = null;
    void (previous?.stop() ?? Promise.resolve()).then(() => {
      if (this.generation !== generation) return; // refreshed or stopped again meanwhile
      if (next) {
        this.runner = this.startWorker(next);
        this.options.log(`[sync] pushing to ${next.serverUrl} as ${next.deviceId}`);
      }
      this.options.onStatus(this.status());
    });
  }

  /** The relayed doors' tokens for the worker; unreadable ones are logged and the relay waits for the next start. */
  private relayData(): { relays?: RelayTokens } {
    try {
      const relays = this.options.relays?.() ?? {};
      return Object.keys(relays).length === 0 ? {} : { relays };
    } catch (error) {
      this.options.log(`[relay] cannot read the relayed doors' tokens: ${error instanceof Error ? error.message : String(error)}`);
      return {};
    }
  }

  private startWorker(credentials: SyncCredentials): SyncWorkerHost {
    const host = new SyncWorkerHost({
      script: this.options.workerScript,
      data: {
        databasePath: this.options.databasePath,
        nativeBinding: this.options.nativeBinding,
        credentials,
        doorActivity: this.door.buffer,
        ...stripUndefined(this.options.tuning ?? {}),
        ...this.relayData(),
        ...(this.options.peerLog === undefined ? {} : { peerLog: this.options.peerLog }),
      },
      onStatus: (status) => this.options.onStatus(this.withRoster(status)),
      log: this.options.log,
      onRecovered: () => this.options.onRecovered?.(),
    });
    host.start();
    return host;
  }
}

/** Credentials from sync_state (server, device) and the token from wherever the secret is kept. */
export function credentialsFromState(db: Database, token: () => string | null): SyncCredentialsProvider {
  const state = new SyncStateStore(db);
  return () => {
    const serverUrl = state.get(SYNC_KEYS.serverUrl);
    const deviceId = state.get(SYNC_KEYS.cityDeviceId);
    if (serverUrl === null || deviceId === null) return null;
    const secret = token();
    return secret === null ? null : { serverUrl, deviceId, token: secret };
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
