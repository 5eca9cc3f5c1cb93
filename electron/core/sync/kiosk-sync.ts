// Sync as the kiosk core sees it: started when the kiosk is enrolled (sync_state names a server and the token can be
// read), run in the sync worker thread when the shell names its script (else in the core's own thread), its status
// kept for getSyncStatus and reported on every change. The door never waits for any of it.
import type { Database } from 'better-sqlite3';
import { NEVER_ENROLLED, type SyncStatus } from '../../../shared/sync/sync-status.js';
import type { BackoffPolicy } from './backoff.js';
import { DoorActivity } from './door-activity.js';
import type { HttpLimits } from './http-request.js';
import { OutboxStore } from './outbox-store.js';
import { DoorAwarePacing } from './push-pacing.js';
import { RosterStatus } from './roster-status.js';
import type { SyncCredentials, SyncCredentialsProvider } from './sync-credentials.js';
import type { NudgeReason } from './sync-loop.js';
import { SyncService } from './sync-service.js';
import { SYNC_KEYS, SyncStateStore } from './sync-state.js';
import { SyncWorkerHost } from './sync-worker-host.js';

/** Knobs for tests and the bench; a kiosk runs with the defaults. */
export interface SyncTuning {
  batchSize?: number;
  backoff?: BackoffPolicy;
  idlePollMs?: number;
  networkPollMs?: number;
  queuePollMs?: number;
  limits?: Partial<HttpLimits>;
  /** How often the credentials are read again (enrollment, a new token); 0 turns it off. */
  credentialsPollMs?: number;
}

export interface KioskSyncOptions {
  /** The core's connection: counts for the never-enrolled status, and the engine itself when it runs in-thread. */
  db: Database;
  databasePath: string;
  nativeBinding: string | null;
  credentials: SyncCredentialsProvider;
  /** The sync worker's script (dist/sync-worker.mjs, or the dev script from the sources); null runs sync in this thread. */
  workerScript: string | URL | null;
  onStatus: (status: SyncStatus) => void;
  log: (line: string) => void;
  tuning?: SyncTuning;
}

interface Runner {
  status(): SyncStatus;
  nudge(reason: NudgeReason): void;
  stop(): Promise<void>;
}

export class KioskSync {
  private runner: Runner | null = null;
  private running: SyncCredentials | null = null;
  private poll: NodeJS.Timeout | null = null;
  private readonly outbox: OutboxStore;
  /** The roster pull runs in this thread (city-link.ts): its outcome is read here, fresh, for every status. */
  private readonly roster: RosterStatus;
  /** Read by the push's pacing, in the worker or here: the push slows down while people are at the door. */
  private readonly door = new DoorActivity();

  constructor(private readonly options: KioskSyncOptions) {
    this.outbox = new OutboxStore(options.db);
    this.roster = new RosterStatus(options.db);
  }

  start(): void {
    this.refresh();
    const pollMs = this.options.tuning?.credentialsPollMs ?? 10_000;
    if (pollMs > 0) {
      this.poll = setInterval(() => this.refresh(), pollMs);
      this.poll.unref();
    }
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
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    const runner = this.runner;
    this.runner = null;
    this.running = null;
    await runner?.stop();
  }

  /** Starts, restarts or stops the engine when the credentials appeared, changed or went away. */
  refresh(): void {
    let next: SyncCredentials | null;
    try {
      next = this.options.credentials();
    } catch (error) {
      this.options.log(`[sync] cannot read the sync credentials: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (JSON.stringify(next) === JSON.stringify(this.running)) return;
    const previous = this.runner;
    this.runner = null;
    this.running = next;
    void (previous?.stop() ?? Promise.resolve()).then(() => {
      if (this.running !== next) return; // changed again meanwhile
      if (next) {
        this.runner = this.startRunner(next);
        this.options.log(`[sync] pushing to ${next.serverUrl} as ${next.deviceId} (${this.options.workerScript ? 'worker thread' : 'core thread'})`);
      }
      this.options.onStatus(this.status());
    });
  }

  private startRunner(credentials: SyncCredentials): Runner {
    const { tuning = {}, workerScript } = this.options;
    if (workerScript) {
      const host = new SyncWorkerHost({
        script: workerScript,
        data: {
          databasePath: this.options.databasePath,
          nativeBinding: this.options.nativeBinding,
          credentials,
          doorActivity: this.door.buffer,
          ...stripUndefined({ ...tuning, credentialsPollMs: undefined }),
        },
        onStatus: (status) => this.options.onStatus(this.withRoster(status)),
        log: this.options.log,
      });
      host.start();
      return host;
    }
    const service = new SyncService({
      db: this.options.db,
      credentials,
      ...tuning,
      pacing: new DoorAwarePacing(this.door),
      log: this.options.log,
      onStatus: (status) => this.options.onStatus(this.withRoster(status)),
    });
    service.start();
    return service;
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
