// The kiosk core: opens the store, seeds demo data, wires the services and answers every KioskApi request.
// Plain Node: the Electron shell, the web host and the tests all run this same object.
import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type KioskStatus, type KioskRequestName, type RequestArgs, type RequestValue, type EventPayload, type KioskEventName, type StorageProblem, type StaffAlert } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { ensureKioskSigningKey } from './credentials/kiosk-key.js';
import type { QrSigner } from './credentials/qr-issuer.js';
import { rawPublicKey } from './credentials/ed25519.js';
import { ensurePeerDhKey } from './credentials/peer-dh-key.js';
import { x25519PublicRaw } from './peers/x25519.js';
import { TrustedKeys } from './credentials/trusted-keys.js';
import { trustDemoCityKey } from './demo/demo-city-key.js';
import { demoRoster } from './demo/demo-roster.js';
import { readDamageMarker, writeDamageMarker } from './db/damage-marker.js';
import { classifyDatabaseError, DatabaseOpenError, openDatabase, shareDatabase } from './db/open-database.js';
import { storageProblemOf } from './db/storage-failure.js';
import { freeBytes, MIN_FREE_BYTES, probeStorage } from './db/storage-probe.js';
import type { ReaderFormat } from '../../shared/credentials/reader-format.js';
import type { CardSource } from '../../shared/domain/attendance.js';
import { AdminAudit } from './ledger/admin-audit.js';
import { isKeepable, StaffAlertBook } from './ledger/staff-alert-book.js';
import { StaffAudit } from './ledger/staff-audit.js';
import { AttendanceLog, ensureDeviceId } from './ledger/attendance-log.js';
import { ChainAnchor } from './ledger/chain-anchor.js';
import { GENESIS_HASH } from './ledger/event-chain.js';
import type { AuditOutcome } from './ledger/chain-audit.js';
import { runAudit } from './ledger/chain-audit-runner.js';
import { checkChainAtStart, checkPeerLogAtStart } from './ledger/chain-startup.js';
import type { PeerChainCheck } from './ledger/peer-chain.js';
import { ChainVerifiedStore } from './ledger/chain-verified-store.js';
import { bindPeerLog, PeerLog } from './ledger/peer-log.js';
import { backfillPeerLog } from './peer-backfill.js';
import { ensureDeviceKey } from './credentials/device-key.js';
import { OutboxPruner } from './ledger/outbox-pruner.js';
import { OutboxStore } from './ledger/outbox-store.js';
import { chainStartOf } from './ledger/archive/archive-boundaries.js';
import { SYNC_KEYS, SyncStateStore } from './ledger/sync-state.js';
import { DoorDesk } from './door/door-desk.js';
import { doorHandlers } from './door/door-handlers.js';
import { RosterStore } from './roster/roster-store.js';
import { holdsLocalDemo } from './roster/demo-kindergarten.js';
import { SettingsStore } from './ledger/settings-store.js';
import { StaffDesk } from './staff/staff-desk.js';
import { staffHandlers, type StaffAsyncRequestName } from './staff/staff-handlers.js';
import { guardHandlers, guardsOf, projectGuarded, type GuardedHandlers } from './guards/request-guards.js';
import { AdminDesk, monthCountsOf, type SaveFileAs } from './admin/admin-desk.js';
import { adminHandlers, type AdminAsyncRequestName } from './admin/admin-handlers.js';
import type { KioskShellControl } from './admin/admin-desk.js';
import { CardDesk } from './admin/card-desk.js';
import { cardHandlers } from './admin/card-handlers.js';
import { RosterDesk } from './admin/roster-desk.js';
import { rosterHandlers } from './admin/roster-handlers.js';
import { RosterImportDesk } from './admin/roster-import-desk.js';
import { rosterImportHandlers, type RosterImportAsyncRequestName } from './admin/roster-import-handlers.js';
import { CityDesk, type PullOutcome, type SyncCredentialsProvider, type SyncTuning } from './sync/city-desk.js';
import { syncHandlers, type SyncAsyncRequestName } from './sync/sync-handlers.js';
import { backupSummaryOf, DiagnosticsDesk, type ShellInfo } from './diagnostics/diagnostics-desk.js';
import { diagnosticsHandlers, type DiagnosticsAsyncRequestName } from './diagnostics/diagnostics-handlers.js';
import { FileSecretStore, type SecretStore } from './files/secret-store.js';
import { localTimeOf, systemClock, zonedClock, zoneOf, type Clock } from './time/clock.js';
import { machineTimeZone } from '../../shared/domain/time-zones.js';
import { toLocalTime } from '../../shared/domain/local-time.js';
import type { HidAccess } from './readers/hid-access.js';
import { HidReaders } from './readers/hid-readers.js';
import { StandingAlerts } from './standing-alerts.js';
import { BackupDesk, copyBeforeMigration } from './backup/backup-desk.js';
import { backupHandlers, type BackupAsyncRequestName } from './backup/backup-handlers.js';
import { CannotRecordState } from './cannot-record.js';
import { RestoreDesk } from './backup/restore/restore-desk.js';
import { restoreHandlers } from './backup/restore/restore-handlers.js';
import { UpdateDesk, type UpdateInstaller } from './updates/update-desk.js';
import { updateHandlers, type UpdateAsyncRequestName } from './updates/update-handlers.js';
import { DiskWatch } from './disk/disk-watch.js';
import { folderReadOnly } from './disk/folder-read-only.js';
import { SetupDesk } from './setup/setup-desk.js';
import { setupHandlers, type SetupAsyncRequestName } from './setup/setup-handlers.js';
import { ComputersDesk } from './computers/computers-desk.js';
import { computersHandlers, type ComputersAsyncRequestName } from './computers/computers-handlers.js';
import type { PeerControl } from './peers/peer-control.js';
import { demoSetAside, putDemoAside } from './files/demo-set-aside.js';
import type { KeyObject } from 'node:crypto';
import { DoorActivity } from './pacing/door-activity.js';
import { peerLinkOff } from './peers/peer-link-off.js';
import { healUnfinishedJoin } from './peers/pairing-pins.js';
import { DEV_PEER_WORKER_SCRIPT, PeerWorkerHost, type PeerApplied } from './peers/peer-worker-host.js';
import type { PeerWorkerData } from './peers/peer-worker-messages.js';

export interface KioskCoreOptions {
  dataDir: string;
  /** Fill an empty database with the fictional demo kindergarten. */
  demo: boolean;
  clock?: Clock;
  nativeBinding?: string;
  log?: (line: string) => void;
  /** How HID data-mode readers are reached; node-hid unless a test replays recorded devices. */
  hid?: HidAccess;
  /**
   * Sync with the city. credentials: default sync_state's server and device with the token file; workerScript: the
   * sync worker (dist/sync-worker.mjs; absent: the one run from the sources); tuning: for tests and the bench.
   */
  sync?: { credentials?: SyncCredentialsProvider; workerScript?: string | URL; tuning?: SyncTuning };
  /**
   * Where the city token and the device key are kept: the Electron shell passes one sealed by safeStorage
   * (electron/main/secret-store.ts); by default a 0600 file per secret in the data folder.
   */
  secrets?: SecretStore;
  /** How often an enrolled kiosk pulls the roster and the other kiosks' records; 0: only when asked (tests). */
  cityPullIntervalMs?: number;
  /**
   * The peer link the Computers page and the first-run join ask (electron/core/peers/peer-control.ts); a test's
   * stand-in. Without one the requests answer PEER_LINK_OFF.
   */
  peerControl?: PeerControl;
  /**
   * The peer link with the kindergarten's other computers (docs/peers.md §2, §5), in its worker thread; absent: none
   * runs and the console's Computers page hears PEER_LINK_OFF (tests that do not ask for it). workerScript:
   * dist/peer-worker.mjs (absent: the one run from the sources); port: `--peer-port` over the setting peerPort; host:
   * all interfaces unless a test binds 127.0.0.1; beacon and tuning: for tests.
   */
  peers?: {
    workerScript?: string | URL;
    port?: number;
    host?: string;
    beacon?: PeerWorkerData['beacon'];
    tuning?: PeerWorkerData['tuning'];
  };
  /** The Electron shell's "Save as…" for the admin's exports (electron/main/save-dialog.ts); the web host has none. */
  saveFileAs?: SaveFileAs;
  /** How often the kiosk checks whether it can record again while its disk is full or failing; 5 s by default. */
  storageProbeMs?: number;
  /** How often free space and the records file's reachability are looked at (disk/disk-watch.ts); 5 s by default. */
  diskCheckMs?: number;
  /** Handed every connection the core opens, before it writes: tests cap it (testing/full-disk.ts) to stand in for a full disk. */
  onDatabaseOpened?: (db: Database) => void;
  /**
   * The full database check after start-up: workerScript is its worker (dist/chain-audit-worker.mjs); absent or null
   * runs it in the core's thread once start-up is done (tests, runs from source).
   */
  audit?: { workerScript?: string | URL | null };
  /**
   * How long after opening the push, the roster pulls and the full check start (the shells: BACKGROUND_START_MS), so a
   * kiosk restarting at the morning rush answers its first taps before that work competes for the processor; 0 (the
   * default, for tests) starts them as the door opens.
   */
  backgroundAfterMs?: number;
  /**
   * The automatic backups: workerScript is their worker (dist/backup-worker.mjs); absent or null runs each job in the
   * core's thread (tests). checkEveryMs: how often a copy being due is checked (backup-desk.ts). doorBuffer: where the
   * door's last act is kept for the jobs to give way to (backup/door-quiet.ts), given where a bench starts jobs of its own.
   */
  backup?: { workerScript?: string | URL | null; checkEveryMs?: number; doorBuffer?: SharedArrayBuffer };
  /** When the acknowledged outbox rows are pruned (ledger/outbox-pruner.ts): tests run it at once. */
  outboxPruning?: { firstAfterMs?: number; everyMs?: number; batch?: number };
  /** Which shell runs the core and its version, for the diagnostics page. */
  shell?: ShellInfo;
  /** What the shell lets an admin do from the console: leave the kiosk, switch its login item (admin/kiosk-shell.ts). */
  kioskShell?: KioskShellControl;
  /** The longest the door waits after a restore for the city to give back its records (60 s by default, sync/city-recovery-wait.ts). */
  cityRecoveryWaitMs?: number;
  /**
   * Updates (electron/core/updates/): the shell's installer (Electron's, over electron-updater; none in the web host),
   * public keys trusted beside the built-in ones (base64url; the web host's, never Electron's), and how often the desk
   * looks whether a check is due or an install may run.
   */
  updates?: { installer?: UpdateInstaller | null; extraTrustedKeys?: readonly string[]; tickMs?: number; channelFile?: string };
}

/** The shells' delay before the background work starts (KioskCoreOptions.backgroundAfterMs). */
export const BACKGROUND_START_MS = 3_000;

const STORAGE_PROBE_MS = 5_000;

/** Requests that wait on the network, a file or a PIN's hash and so answer with a Promise; every other one answers at once. */
type AsyncRequestName = UpdateAsyncRequestName | SyncAsyncRequestName | AdminAsyncRequestName | StaffAsyncRequestName | BackupAsyncRequestName | DiagnosticsAsyncRequestName | SetupAsyncRequestName | ComputersAsyncRequestName | RosterImportAsyncRequestName | 'restoreDamaged';

export type KioskHandlers = {
  [K in KioskRequestName]: (args: RequestArgs<K>) => K extends AsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

type Listener = <E extends KioskEventName>(event: E, payload: EventPayload<E>) => void;

interface OpenStore {
  db: Database;
  /** This kiosk's chain: the anchor moves after every request that appended to it. */
  log: AttendanceLog;
  anchor: ChainAnchor;
  status: Extract<KioskStatus, { state: 'ready' }>;
  settings: SettingsStore;
  /** The door: cards and QR codes identified, offers confirmed, refused attempts kept (electron/core/door/). */
  door: DoorDesk;
  /** Signs the QR cards this kiosk prints; null when its key file cannot be read (the door works without it). */
  qrSigner: QrSigner | null;
  /** Staff on duty: sign-in, overrides, corrections, absences, headcount, closing (electron/core/staff/). */
  staff: StaffDesk;
  /** The admin console: the log, the табель and its exports (electron/core/admin/). */
  admin: AdminDesk;
  /** The admin console's companions and cards (electron/core/admin/card-desk.ts). */
  cards: CardDesk;
  /** The admin console's roster kept by hand (electron/core/admin/roster-desk.ts). */
  rosterEdits: RosterDesk;
  /** The roster from the kindergarten's own spreadsheet: template, export and import (electron/core/admin/roster-import-desk.ts over roster/spreadsheet/). */
  rosterImport: RosterImportDesk;
  /** The push to the city (never in the door's way), enrollment, the roster and peer pulls (electron/core/sync/). */
  city: CityDesk;
  /** The verified copies of the records, hourly and daily, and the encrypted second place (electron/core/backup/). */
  backups: BackupDesk;
  /** The admin's diagnostics page and support bundle (electron/core/diagnostics/). */
  diagnostics: DiagnosticsDesk;
  /** The first-run setup and "start afresh" (electron/core/setup/). */
  setup: SetupDesk;
  /** The console's Computers page and the first-run join: the kindergarten's computers as peers (electron/core/computers/). */
  computers: ComputersDesk;
  /** Updates: the admin's feed, a folder on a USB stick, the daily check and the quiet hours (electron/core/updates/). */
  updates: UpdateDesk;
  /** The staff alerts kept until handled (a refused pick-up, the clock off the city's): the door only counts them. */
  keptAlerts: StaffAlertBook;
  /**
   * Opened on a disk with no room: the file is held by this connection alone (open-database.ts `exclusive`), and the
   * push, the roster pulls and the full check wait until there is room (`startBackground`).
   */
  exclusive: boolean;
  /** Starts the push, the roster pulls and the full check; once. */
  startBackground: () => void;
  /** Stops what has been started (timers, workers), newest first: close() runs them. */
  running: (() => void)[];
  /** The peer worker's host, null when this core runs no peer link (KioskCoreOptions.peers). */
  peers: PeerWorkerHost | null;
}

export class KioskCore {
  readonly databasePath: string;
  private store: OpenStore | null = null;
  /** The sync worker's stop after close(): see closed(). */
  private stopping: Promise<void> = Promise.resolve();
  private readonly readers: HidReaders;
  /** The last few cards HID readers read, with each reader's format: the setup's readers test names the one used. */
  private readonly recentHidCards = new Map<string, ReaderFormat>();
  private status: KioskStatus;
  private readonly listeners = new Set<Listener>();
  /** Alerts that stand until what they are about is over (getStaffAlerts). */
  private readonly standingAlerts = new StandingAlerts();
  private readonly clock: Clock;
  private readonly log: (line: string) => void;
  private readonly secrets: SecretStore;
  /** Set while the disk refuses the records' writes; a periodic probe clears it when they work again. */
  private readonly cannotRecord: CannotRecordState;
  /** Free space against the early-warning threshold, and whether the open records file is still reachable. */
  private readonly disk: DiskWatch;
  /** The last anchor write failed: the chain's end is reported unknown until one succeeds. */
  private anchorFailing = false;
  /** The full check started by the last successful open (whenFullyChecked). */
  private audit: Promise<void> = Promise.resolve();
  /** Restores a verified copy: from the console, or on the damaged-records screen where no records are open. */
  private readonly restores: RestoreDesk;
  /** Set while a restore reopens the records: the door then waits for the city's records (city-recovery-wait.ts). */
  private restoring = false;
  /** When the door was last used, for the peer worker's catch-up to give way to (pacing/door-activity.ts). */
  private readonly doorActivity = new DoorActivity();

  constructor(private readonly options: KioskCoreOptions) {
    this.databasePath = join(options.dataDir, 'esik.sqlite');
    // Every local day and time is told in the kindergarten's zone (the setting), asked at each instant it is needed.
    this.clock = zonedClock(options.clock ?? systemClock, () => this.store?.settings.get('timeZone') ?? machineTimeZone());
    this.log = options.log ?? ((line) => console.log(line));
    this.secrets = options.secrets ?? new FileSecretStore(options.dataDir, { cipher: null, log: this.log });
    this.cannotRecord = new CannotRecordState({
      clock: this.clock,
      probeMs: options.storageProbeMs ?? STORAGE_PROBE_MS,
      probe: () => this.probeStorage(),
      changed: () => this.setStatus(this.statusNow()),
      alert: (alert) => this.emit('staffAlert', alert),
      cleared: (id) => this.emit('staffAlertCleared', { id }),
      log: this.log,
    });
    this.disk = new DiskWatch({
      dataDir: options.dataDir,
      clock: this.clock,
      ...(options.diskCheckMs === undefined ? {} : { checkMs: options.diskCheckMs }),
      alert: (alert) => this.emit('staffAlert', alert),
      cleared: (id) => this.emit('staffAlertCleared', { id }),
      gone: (detail) => this.recordsGone(detail),
      log: this.log,
    });
    this.readers = new HidReaders({
      access: options.hid,
      onCard: (raw, format) => this.hidCardRead(raw, format),
      onReaders: (readers) => this.emit('readersChanged', { readers }),
      isOpen: () => this.store !== null,
      log: this.log,
    });
    this.restores = new RestoreDesk({
      dataDir: options.dataDir,
      databasePath: this.databasePath,
      nativeBinding: options.nativeBinding ?? null,
      secrets: this.secrets,
      clock: this.clock,
      log: this.log,
      stopDoor: async () => {
        this.close();
        await this.closed();
      },
      reopen: () => {
        this.restoring = true;
        try {
          this.reopen();
        } finally {
          this.restoring = false;
        }
        return this.store?.db ?? null;
      },
    });
    this.status = this.open();
  }

  /** Every request with its guard (api/guards.ts): who may make it is declared here and checked in one place. */
  private readonly guarded: GuardedHandlers<OpenStore, KioskHandlers> = {
    getStatus: { guard: 'none', run: () => ok(this.status) },
    getReaders: { guard: 'none', run: () => ok({ readers: this.readers.states() }) },
    getStaffAlerts: { guard: 'none', run: () => ok({ alerts: this.standingAlerts.now(), kept: this.keptCount() }) },
    ...projectGuarded(doorHandlers(), (s: OpenStore) => s.door),
    setLanguage: {
      guard: 'store',
      run: ({ language }, { store: s }) => {
        s.settings.set('language', language);
        this.updateStatus(s, { language });
        return ok({});
      },
    },
    ...projectGuarded(staffHandlers(), (s: OpenStore) => s.staff),
    ...projectGuarded(adminHandlers(), (s: OpenStore) => s.admin),
    ...projectGuarded(cardHandlers(), (s: OpenStore) => s.cards),
    ...projectGuarded(rosterHandlers(), (s: OpenStore) => s.rosterEdits),
    ...projectGuarded(rosterImportHandlers(), (s: OpenStore) => s.rosterImport),
    ...projectGuarded(syncHandlers(), (s: OpenStore) => s.city),
    ...projectGuarded(backupHandlers(), (s: OpenStore) => s.backups),
    ...projectGuarded(diagnosticsHandlers(), (s: OpenStore) => s.diagnostics),
    ...projectGuarded(setupHandlers(), (s: OpenStore) => s.setup),
    ...projectGuarded(computersHandlers(), (s: OpenStore) => s.computers),
    ...projectGuarded(updateHandlers(), (s: OpenStore) => s.updates),
    ...restoreHandlers<OpenStore>(
      () => this.restores,
      () => (!this.store && this.status.state === 'database-error' ? this.status.problem : null),
    ),
    retryDatabase: {
      guard: 'none',
      run: () => {
        if (!this.store) this.reopen();
        return ok(this.status);
      },
    },
  };

  /** Each request's declared guard (a test checks that every request of the contract has one). */
  readonly guards = guardsOf(this.guarded);

  readonly handlers: KioskHandlers = guardHandlers(this.guarded, {
    withStore: (inPerson, action) => (inPerson ? this.atDoor(action) : this.withStore(action)),
    session: (store, sessionId) => store.staff.session(sessionId),
  });

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Settles once the full database check started by the last open has been acted on (tests, the bench). */
  whenFullyChecked(): Promise<void> {
    return this.audit;
  }

  /** Pulls the roster and the other kiosks' records now (tests; a shell's "sync now"). Rejects with SyncError. */
  pullFromCity(): Promise<PullOutcome> {
    if (!this.store) return Promise.reject(new Error('the database is not open'));
    return this.store.city.pullNow();
  }

  /** Runs the updates' round now: the daily check when due, an install when the hour allows (tests; a timer runs it). */
  updateRound(): Promise<void> {
    return this.store?.updates.tick() ?? Promise.resolve();
  }

  /** The sync credentials changed (a test's or the bench's provider): the push starts, restarts or stops. */
  syncCredentialsChanged(): void {
    this.store?.city.credentialsChanged();
  }

  /** The peer link, as the console's desk asks it (docs/peers.md §3): PEER_LINK_OFF while none runs. */
  get peerControl(): PeerControl {
    const control = this.options.peerControl ?? this.store?.peers ?? null;
    return control ?? peerLinkOff(this.store ? 'this computer runs no peer link' : 'the records are not open');
  }

  close(): void {
    this.cannotRecord.stopProbe();
    for (const stop of this.store?.running.splice(0).reverse() ?? []) stop();
    this.readers.stop();
    if (this.store) {
      const peers = this.store.peers;
      this.stopping = Promise.all([this.store.city.stop(), peers?.stop()]).then(() => undefined);
    }
    this.store?.staff.stop();
    this.store?.door.stop();
    this.store?.backups.stop();
    this.store?.db.close();
    this.store?.anchor.close();
    this.store = null;
  }

  /**
   * Resolves once the sync worker close() stopped has exited (it holds its own connection to the records file): what
   * removes the data folder after a close waits for this, or the worker may still open the file meanwhile.
   */
  closed(): Promise<void> {
    return this.stopping;
  }

  private withStore<R>(action: (store: OpenStore) => R): R | Result<never> {
    if (!this.store) {
      const cannot = this.cannotRecord.now();
      if (cannot) return fail('CANNOT_RECORD', cannot.problem);
      return fail('DATABASE_UNAVAILABLE', this.status.state === 'database-error' ? this.status.problem : undefined);
    }
    const store = this.store;
    try {
      const result = action(store);
      // An append inside a service's own transaction moves the anchor only now, after that transaction committed.
      store.log.settleAnchor();
      // A request that waits (a PIN's hash) may meet a damaged page after its wait.
      if (result instanceof Promise) return result.catch((error: unknown) => this.failedAtRunTime(store, error)) as R;
      return result;
    } catch (error) {
      return this.failedAtRunTime(store, error);
    }
  }

  /**
   * A request's error about the file or the disk: a full, read-only or failing disk (nothing was written, each write is
   * one transaction) is told as cannot-record; a damaged page closes the door on the damaged screen, as the full check
   * does. Anything else is thrown on (dispatch answers INTERNAL).
   */
  private failedAtRunTime(store: OpenStore, error: unknown): Result<never> {
    if (classifyDatabaseError(error) === 'DB_CORRUPT') {
      if (this.store === store) this.databaseDamaged(error instanceof Error ? error.message : String(error));
      return fail('DATABASE_UNAVAILABLE', 'DB_CORRUPT');
    }
    const problem = storageProblemOf(error);
    if (problem === null) throw error;
    // Refused because the records file is out of reach (query_only, set by recordsGone): that stays the reason.
    if (this.cannotRecord.now()?.problem === 'DISK_GONE') return fail('CANNOT_RECORD', 'DISK_GONE');
    this.cannotRecord.failed(problem, error);
    return fail('CANNOT_RECORD', problem);
  }

  /** The file is damaged: remembered beside it (the next start shows the damaged screen at once), and the door closes. */
  private databaseDamaged(detail: string): void {
    this.log(`[core] DATABASE DAMAGED: ${detail}`);
    try {
      writeDamageMarker(this.databasePath, detail, this.clock.now());
    } catch (error) {
      this.log(`[core] the damage cannot be noted beside the database: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.close();
    // Whatever the disk said before, the damaged screen is what stands now.
    this.cannotRecord.works();
    this.setStatus({ state: 'database-error', problem: 'DB_CORRUPT', detail });
  }

  /**
   * A person acting at the door: the push in the background gives way (push-pacing.ts) from its next exchange on.
   * An exchange already out (after a quiet spell, one of up to 1,000 records) finishes first.
   */
  private atDoor<R>(action: (store: OpenStore) => R): R | Result<never> {
    // Nothing is written at the door while the city's records are being put back: a chain place would fork.
    if (this.store && this.cannotRecord.now()?.problem === 'AWAITING_CITY') return fail('CANNOT_RECORD', 'AWAITING_CITY');
    this.store?.city.doorActed();
    this.doorActivity.markUse();
    // A backup running beside the door takes its next step once the door has been quiet a while (backup/door-quiet.ts).
    this.store?.backups.doorActed();
    return this.withStore(action);
  }

  private updateStatus(store: OpenStore, change: Partial<OpenStore['status']>): void {
    store.status = { ...store.status, ...change };
    this.setStatus(this.statusNow());
  }

  /** The door's status, told as it is: 'cannot-record' over the ready one while the disk refuses writes. */
  private statusNow(): KioskStatus {
    const door = this.store?.status ?? null;
    const cannot = this.cannotRecord.now();
    if (cannot) return { state: 'cannot-record', problem: cannot.problem, since: cannot.since, detail: cannot.detail.slice(0, 2000), door };
    return door ?? this.status;
  }

  private probeStorage(): void {
    const store = this.store;
    // Waiting for the city, not for the disk: the wait ends it (awaitCityRecovery).
    if (store && this.cannotRecord.now()?.problem === 'AWAITING_CITY') return;
    if (!store) {
      // Started on a full disk: open the records once there is room for them.
      if (probeStorage(null, this.options.dataDir).ok && !folderReadOnly(this.options.dataDir)) this.reopen();
      return;
    }
    const gone = this.disk.recordsGone();
    if (gone !== null) {
      this.recordsGone(gone);
      return;
    }
    // The path names the records file again: writes are let through, and the probe below proves one commits.
    if (this.cannotRecord.now()?.problem === 'DISK_GONE') store.db.pragma('query_only = OFF');
    const probe = probeStorage(store.db, this.options.dataDir);
    if (!probe.ok) {
      if (probe.problem !== this.cannotRecord.now()?.problem) this.cannotRecord.failed(probe.problem, new Error(probe.detail));
      return;
    }
    if (store.exclusive) {
      // Opened on a full disk: the file is shared again (the push and the full check open their own connections).
      try {
        shareDatabase(store.db);
      } catch (error) {
        const problem = storageProblemOf(error);
        if (problem === null) throw error;
        if (problem !== this.cannotRecord.now()?.problem) this.cannotRecord.failed(problem, error);
        return;
      }
      store.exclusive = false;
      this.log('[core] room on the disk again: the records file is shared, the push and the full check start');
      store.startBackground();
    }
    this.cannotRecord.works();
    // What the door refused, and what staff sign-in held, while the disk was full is kept now.
    store.door.writeHeld();
    store.staff.writeHeld();
    this.setStatus(this.statusNow());
  }

  /**
   * The records file held open is no longer the one its path names (the disk pulled, the share dropped, the file system
   * detached): a write into it would be a record nobody can reach again, so SQLite itself refuses every write from here
   * on (query_only), and the door says it cannot record until the path names the file again (probeStorage).
   */
  private recordsGone(detail: string): void {
    const store = this.store;
    if (!store || this.cannotRecord.now()?.problem === 'DISK_GONE') return;
    store.db.pragma('query_only = ON');
    this.cannotRecord.failed('DISK_GONE', new Error(detail));
  }

  /** Opens the records again (Retry, or the probe after a start on a full disk). */
  private reopen(): void {
    this.cannotRecord.works();
    // A disk still full enters the cannot-record state again from open().
    this.setStatus(this.open());
  }

  private setStatus(status: KioskStatus): void {
    this.status = status;
    this.emit('statusChanged', status);
  }

  /**
   * A refused pick-up or the clock off the city's is kept in the records until a staff member handles it (the door
   * hears only the new count); an alert that stands while its condition lasts goes out as before. A kept alert that
   * cannot be written (the disk) must not fail the tap that raised it: it goes to the log.
   */
  private raiseAlert(book: StaffAlertBook, alert: StaffAlert): void {
    if (!isKeepable(alert)) {
      this.emit('staffAlert', alert);
      return;
    }
    try {
      book.keep(alert, toLocalTime(this.clock.now(), zoneOf(this.clock)));
    } catch (error) {
      this.log(`[core] a ${alert.kind} staff alert could not be kept: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** How many kept alerts are open: 0 while no records are open. */
  private keptCount(): number {
    try {
      return this.store?.keptAlerts.openCount() ?? 0;
    } catch {
      return 0;
    }
  }

  private emit<E extends KioskEventName>(event: E, payload: EventPayload<E>): void {
    this.standingAlerts.follow(event, payload);
    for (const listener of this.listeners) listener(event, payload);
  }

  /**
   * A card from an HID reader is identified here, once, whoever is attached (no page, or several): the refused attempt
   * kept, a single child recorded, and every page told the outcome. Only a card that belongs to the staff screens (a
   * staff card, or any card while someone is signed in) or to the first-run setup goes to the pages as it was read.
   */
  private hidCardRead(raw: string, format: ReaderFormat): void {
    this.recentHidCards.delete(raw);
    this.recentHidCards.set(raw, format);
    for (const oldest of this.recentHidCards.keys()) {
      if (this.recentHidCards.size <= 8) break;
      this.recentHidCards.delete(oldest);
    }
    try {
      // On the first-run setup the door records nothing: the card is its readers step's live test.
      if (this.store?.setup.needed() === true || this.store?.staff.ownsHidCard(raw) === true) {
        this.emit('cardRead', { raw, source: 'hid' });
        return;
      }
      this.emit('cardIdentified', this.atDoor((s) => s.door.identifyCard(raw, 'hid')));
    } catch (error) {
      this.log(`[core] a card from an HID reader could not be identified: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.emit('cardIdentified', fail('INTERNAL'));
    }
  }

  /** Runs a write that may wait for room: on a full disk it is skipped with a log line, any other failure is thrown. */
  private unlessDiskRefuses(what: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      if (storageProblemOf(error) === null) throw error;
      this.log(`[core] ${what} for now: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private kioskSigner(keys: TrustedKeys): QrSigner | null {
    try {
      return ensureKioskSigningKey({ secrets: this.secrets, dataDir: this.options.dataDir, keys, now: this.clock.now(), log: this.log });
    } catch (error) {
      this.log(`[core] QR card printing unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /**
   * Binds this machine's peer log to the file before any desk writes (docs/peers.md §5): every record the outbox queues
   * is then also a signed row of it. The device key is made here on the first start, enrolled or not.
   */
  private bindPeerLog(db: Database, deviceId: string): { peerLog: PeerLog; signedByLostKey: boolean; key: KeyObject } | null {
    try {
      const { key, made } = ensureDeviceKey(this.secrets);
      const peerLog = new PeerLog(db, deviceId, key, () => this.clock.now().getTime());
      // Read before anything appends: a key made now over rows already written (the secrets folder lost or left
      // behind) means those rows were signed by the lost key. Read after the first start's backfill, the rows it had
      // just signed with the new key looked so too.
      const signedByLostKey = made && peerLog.newest() !== null;
      bindPeerLog(db, peerLog);
      return { peerLog, signedByLostKey, key };
    } catch (error) {
      // The door still opens; its records are then missing from the peer log until the key can be read again.
      this.log(`[core] the peer log is off: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /**
   * The peer worker's host when this core runs the link (KioskCoreOptions.peers) and the peer log is on; after each own
   * commit the log's rows are announced (onAppended → one new-head once the transaction is over).
   */
  private peerHost(
    deviceId: string,
    bound: { peerLog: PeerLog; key: KeyObject } | null,
    settingPort: number,
    own: { staff: StaffDesk; qrSigner: QrSigner | null },
    onApplied: (applied: PeerApplied) => void,
  ): PeerWorkerHost | null {
    const options = this.options.peers;
    if (options === undefined || bound === null) return null;
    const pairing = this.pairingKeys(own.qrSigner);
    const host = new PeerWorkerHost({
      script: options.workerScript ?? DEV_PEER_WORKER_SCRIPT,
      data: {
        databasePath: this.databasePath,
        nativeBinding: this.options.nativeBinding ?? null,
        deviceId,
        signKey: bound.key,
        peerPort: options.port ?? settingPort,
        host: options.host ?? '0.0.0.0',
        doorActivity: this.doorActivity.buffer,
        ...(options.beacon === undefined ? {} : { beacon: options.beacon }),
        ...(options.tuning === undefined ? {} : { tuning: options.tuning }),
        ...(pairing === null ? {} : { pairing }),
        ...this.stickKey(),
      },
      onApplied,
      // The group's PIN pepper: this machine's own goes with a code it opens; a group joined gives its own to keep.
      pepper: () => own.staff.groupPepper(),
      adoptPepper: (pepper) => own.staff.adoptGroupPepper(pepper),
      log: this.log,
    });
    bound.peerLog.onAppended = () => host.newHead();
    return host;
  }

  /** The static X25519 key that opens sticks written for this machine (docs/peers.md §8); none when it cannot be read. */
  private stickKey(): { dhKey?: KeyObject } {
    try {
      return { dhKey: ensurePeerDhKey(this.secrets) };
    } catch (error) {
      this.log(`[core] this computer cannot read sticks: ${error instanceof Error ? error.message : String(error)}`);
      return {};
    }
  }

  /** What this machine's member record carries beside the device key (docs/peers.md §3); null: it cannot pair now. */
  private pairingKeys(qrSigner: QrSigner | null): PeerWorkerData['pairing'] | null {
    if (qrSigner === null) return null;
    try {
      const dhPub = x25519PublicRaw(ensurePeerDhKey(this.secrets)).toString('base64url');
      return { dhPub, qrKeyId: qrSigner.keyId, qrPub: Buffer.from(rawPublicKey(qrSigner.privateKey)).toString('base64url') };
    } catch (error) {
      this.log(`[core] this computer cannot pair: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /**
   * The one-time backfill (docs/peers.md §9); a failure is logged, undone whole, and tried again at the next start.
   * Rows it appends after a proven head (or to an empty log) are proven by being written here: their end becomes the
   * peer log's verified point. Without it a backfill of more rows than a start walks (PEER_START_WALK_LIMIT: the demo's
   * roster alone is about 2,000) left no start able to prove the log's end, and every start walked the newest rows
   * again, into pages no start-up walk needs to read.
   */
  private backfill(db: Database, peerLog: PeerLog): void {
    const started = performance.now();
    try {
      const verified = new ChainVerifiedStore(db, 'peer_chain_verified');
      const headBefore = peerLog.newest();
      const point = verified.get(peerLog.deviceId);
      const provenBefore = headBefore === null || (point !== null && point.seq === headBefore.seq && point.hash === headBefore.hash);
      // The store (and so the zoned clock's setting) is not up yet: the kindergarten's zone is read from the file.
      const done = backfillPeerLog(db, this.clock.now().getTime(), SettingsStore.of(db, this.log).get('timeZone') ?? zoneOf(this.clock));
      const headAfter = peerLog.newest();
      if (done !== null && provenBefore && headAfter !== null) verified.set(peerLog.deviceId, headAfter, this.clock.now().getTime());
      if (done !== null) this.log(`[core] peer log backfilled: ${done.rows} rows (${JSON.stringify(done.byPiece)}, ${Math.round(performance.now() - started)} ms)`);
    } catch (error) {
      this.log(`[core] the peer log's backfill failed, to be tried at the next start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Puts back the PINs a join voided and never finished (peers/pairing-pins.ts healUnfinishedJoin), before the door opens. */
  private healJoin(db: Database): void {
    try {
      const healed = healUnfinishedJoin(db, localTimeOf(this.clock));
      if (healed === null) return;
      if ('unreadable' in healed) this.log(`[core] an unfinished join's PIN voids cannot be read (${healed.unreadable}): left as they are`);
      else this.log(`[core] a join was cut short before its end: ${healed.restated} PINs put back as they were`);
    } catch (error) {
      this.log(`[core] the PINs of an unfinished join could not be put back, to be tried at the next start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Walks this device's peer log from its proven point (checkPeerLogAtStart) and stores the point it proves (not on a full disk). */
  private checkPeerLog(db: Database, bound: { peerLog: PeerLog; signedByLostKey: boolean } | null, storePoint: boolean): PeerChainCheck | null {
    if (bound === null) return null;
    const { peerLog, signedByLostKey } = bound;
    const started = performance.now();
    const verified = new ChainVerifiedStore(db, 'peer_chain_verified');
    // Rows signed by a lost key (bindPeerLog): this walk checks their links and hashes only.
    if (signedByLostKey) this.log('[core] the device key was made anew: the peer log written before was signed by a key this machine no longer has');
    const { chain, proven } = checkPeerLogAtStart(peerLog, verified.get(peerLog.deviceId), { signatures: !signedByLostKey });
    if (proven && storePoint) this.unlessDiskRefuses("the peer log's verified point cannot be stored", () => verified.set(peerLog.deviceId, proven, this.clock.now().getTime()));
    this.log(`[core] peer log: ${chain.rows} rows, ${chain.intact ? 'intact' : `BROKEN at seq ${chain.brokenAtSeq}`} as far as start-up walks (${Math.round(performance.now() - started)} ms)`);
    return chain;
  }

  private open(): KioskStatus {
    const damage = readDamageMarker(this.databasePath);
    if (damage !== null) {
      this.log(`[core] the records file was found damaged earlier (${this.databasePath}.damaged): ${damage}`);
      return { state: 'database-error', problem: 'DB_CORRUPT', detail: `found damaged earlier: ${damage}` };
    }
    const anchor: ChainAnchor = new ChainAnchor(`${this.databasePath}.anchor`, (error) => this.anchorWritten(anchor, error));
    const anchorReading = anchor.read();
    if (anchorReading.kind === 'unreadable') this.log(`[core] the chain anchor cannot be read (${anchor.path}): ${anchorReading.detail}`);
    const existed = existsSync(this.databasePath);
    // Never a fresh empty database in place of one that held check-ins: its anchor outlives it.
    if (!existed && anchorReading.kind === 'found' && anchorReading.head.seq > 0) {
      return this.eventsMissing(anchorReading.head.seq, `the records file ${this.databasePath} is gone; its chain anchor names seq ${anchorReading.head.seq}`);
    }
    let db: Database | null = null;
    // A disk already full: the door still opens (to say it cannot record, to tell unknown cards, for staff to sign in).
    const free = freeBytes(this.options.dataDir);
    const exclusive = free !== null && free < MIN_FREE_BYTES;
    try {
      db = openDatabase(this.databasePath, {
        exclusive,
        ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
        // An upgrade to a new schema waits for a verified copy of the file as it is; without one it does not run.
        beforeMigration: (opening, { from, to }) => {
          const copy = copyBeforeMigration(opening, { dataDir: this.options.dataDir, from, to, nowMs: this.clock.now().getTime(), nativeBinding: this.options.nativeBinding ?? null });
          this.log(`[core] copy before migrating ${from} → ${to}: ${copy.file} (${copy.verified ? 'verified' : `kept aside: ${copy.problem ?? ''}`})`);
        },
      });
      this.options.onDatabaseOpened?.(db);
      // Before anything is written into it: an emptied or swapped file is not this kiosk's, whatever it now holds.
      const heldDevice = db.prepare<[], { id: string }>('SELECT id FROM device').get()?.id ?? null;
      if (anchorReading.kind === 'found' && anchorReading.head.seq > 0 && heldDevice !== anchorReading.head.deviceId) {
        db.close();
        return this.eventsMissing(anchorReading.head.seq, `the records file holds ${heldDevice === null ? 'no device' : `device ${heldDevice}`}; the anchor names ${anchorReading.head.deviceId} at seq ${anchorReading.head.seq}`);
      }
      const roster = new RosterStore(db);
      const keys = new TrustedKeys(db);
      // Once the demo was put aside here ("start afresh"), this data folder never gets it again, whatever the shell says.
      if (roster.isEmpty() && this.options.demo && !demoSetAside(this.options.dataDir)) {
        // The demo city key is trusted only together with the demo kindergarten, in one transaction.
        db.transaction(() => {
          roster.seed(demoRoster());
          trustDemoCityKey(keys, this.clock.now());
        }).immediate();
        this.log(`[core] demo kindergarten created in ${this.databasePath}`);
      }
      const deviceId = ensureDeviceId(db, this.clock.now());
      const peerLog = this.bindPeerLog(db, deviceId);
      // Before the door opens: this database's past (the demo's seeded roster and staff included) becomes its peer log, once.
      if (peerLog !== null && !exclusive) this.backfill(db, peerLog.peerLog);
      // A join killed between its PIN voids and the end of its dial leaves them void for good unless put back here.
      if (peerLog !== null && !exclusive) this.healJoin(db);
      const opened = db;
      const log = new AttendanceLog(db, deviceId, { anchor, written: (error) => this.anchorWritten(anchor, error) });
      const verified = new ChainVerifiedStore(db);
      const started = performance.now();
      const startup = checkChainAtStart({
        log,
        anchor: anchorReading,
        verified: verified.get(deviceId),
        cityMismatch: new SyncStateStore(db).get(SYNC_KEYS.chainHeadMismatch),
        createdNow: !existed,
        boundary: chainStartOf(db, deviceId),
      });
      if (startup.kind === 'missing') {
        db.close();
        return this.eventsMissing(startup.missing, startup.detail);
      }
      // On a disk already full the proven points wait for the next start: a write that fails still leaves SQLite's
      // journal a page larger, and that page was the room the launch link needed.
      if (startup.proven && !exclusive) {
        const proven = startup.proven;
        this.unlessDiskRefuses('the verified point cannot be stored', () => verified.set(deviceId, proven, this.clock.now().getTime()));
      }
      const { chain } = startup;
      this.log(
        `[core] event chain: ${chain.events} events, ${chain.intact ? 'intact' : `BROKEN at seq ${chain.brokenAtSeq}`} as far as start-up walks, ` +
          `end ${startup.end === 'anchored' ? 'as anchored' : 'UNKNOWN (no anchor to compare with)'} (${Math.round(performance.now() - started)} ms)`,
      );
      const peerChain = this.checkPeerLog(db, peerLog, !exclusive);
      // From here on the anchor follows the file's end (the first start after the upgrade that brought it creates it).
      this.anchorFailing = false;
      log.writeAnchor(log.newest() ?? { seq: 0, hash: GENESIS_HASH });
      const settings = SettingsStore.of(db, this.log);
      // On the first start the kindergarten's zone is the OS's; from then on it is the setting, whatever the OS says.
      // This machine's alone (no record): the zone an admin chose, here or at another machine, wins over it.
      if (settings.get('timeZone') === null) {
        const zone = machineTimeZone();
        this.unlessDiskRefuses('the time zone cannot be stored', () => settings.setHere('timeZone', zone));
        this.log(`[core] time zone set to the OS's: ${zone}`);
      }
      const kindergarten = roster.kindergarten();
      const status: OpenStore['status'] = {
        state: 'ready',
        kindergartenName: kindergarten?.name ?? '',
        demo: kindergarten?.demo ?? false,
        language: settings.get('language'),
        defaultLanguage: settings.get('defaultLanguage'),
        sound: settings.get('sound'),
        deviceId,
        cameraDeviceId: settings.get('cameraDeviceId'),
        chain: {
          ...startup.chain,
          intact: startup.chain.intact && (peerChain?.intact ?? true),
          end: this.anchorFailing ? 'unknown' : startup.end,
          fullCheck: 'running',
          peerLog: peerChain,
        },
        secretStorage: this.secrets.protection,
        timeZone: settings.get('timeZone') ?? machineTimeZone(),
        machineRole: settings.get('machineRole'),
      };
      const keptAlerts = new StaffAlertBook({ db, audit: new StaffAudit(db), changed: (kept) => this.emit('keptAlertsChanged', { kept }) });
      const door = new DoorDesk({
        db,
        clock: this.clock,
        log,
        roster,
        keys,
        alert: (alert) => this.raiseAlert(keptAlerts, alert),
        // Asked only at a tap, long after the staff desk below exists.
        isStaffCard: (card) => staff.isStaffCard(card),
        onStorageProblem: (problem, error) => this.cannotRecord.failed(problem, error),
        report: this.log,
      });
      // The door reads a typed card with the keyboard readers' format, an HID reader's already applied: enrolment too.
      const cardFormat = (source: CardSource): ReaderFormat | 'canonical' => (source === 'hid' ? 'canonical' : settings.get('keyboardReader').format);
      const staff = new StaffDesk({
        db,
        log,
        clock: this.clock,
        dataDir: this.options.dataDir,
        secrets: this.secrets,
        cardFormat,
        report: this.log,
        alerts: { raise: (alert) => this.emit('staffAlert', alert), clear: (id) => this.emit('staffAlertCleared', { id }) },
        keptAlerts,
        monthCounts: monthCountsOf(db, () => zoneOf(this.clock)),
      });
      if (kindergarten?.demo) staff.ensureDemoSignIn();
      const city = new CityDesk({
        db,
        databasePath: this.databasePath,
        nativeBinding: this.options.nativeBinding ?? null,
        attendance: log,
        secrets: this.secrets,
        clock: this.clock,
        credentials: this.options.sync?.credentials,
        workerScript: this.options.sync?.workerScript,
        tuning: this.options.sync?.tuning,
        pullIntervalMs: this.options.cityPullIntervalMs,
        onStatus: (status) => this.emit('syncStatusChanged', status),
        // The push worker appends each reply's city-acks to this machine's peer log on its own connection.
        peerLog: peerLog === null ? undefined : { deviceId: peerLog.peerLog.deviceId, signKey: peerLog.key },
        alert: (alert) => this.raiseAlert(keptAlerts, alert),
        onRosterApplied: () => {
          // The name on the idle screen and the DEMO badge follow the roster (demo → the city's kindergarten).
          const now = roster.kindergarten();
          if (this.store?.db === db) this.updateStatus(this.store, { kindergartenName: now?.name ?? '', demo: now?.demo ?? false });
        },
        log: this.log,
      });
      const qrSigner = this.kioskSigner(keys);
      const admin = new AdminDesk({
        db,
        staff,
        settings,
        deviceId,
        dataDir: this.options.dataDir,
        kindergartenName: () => roster.kindergarten()?.name ?? '',
        kindergartenId: () => roster.kindergarten()?.id ?? null,
        qrSigner: () => qrSigner,
        zone: () => zoneOf(this.clock),
        onTimeZone: (timeZone) => {
          if (this.store?.db === db) this.updateStatus(this.store, { timeZone });
        },
        saveFileAs: this.options.saveFileAs ?? null,
        archive: { nativeBinding: this.options.nativeBinding ?? null, workerScript: this.options.audit?.workerScript ?? null, log: this.log },
        kioskShell: this.options.kioskShell ?? null,
        log: this.log,
        onDoorSettings: (door, changed) => {
          if (this.store?.db !== db) return;
          this.updateStatus(this.store, { defaultLanguage: door.defaultLanguage, sound: door.sound, cameraDeviceId: door.cameraDeviceId });
          if (changed.includes('hidReaders') && settings.get('machineRole') === 'door') this.readers.restart(door.hidReaders);
        },
      });
      const cards = new CardDesk({ db, deviceId, cardFormat });
      const rosterEdits = new RosterDesk({ db, deviceId });
      const rosterImport = new RosterImportDesk({ db, dataDir: this.options.dataDir, deviceId, nowMs: () => this.clock.now().getTime(), log: this.log });
      const backups = new BackupDesk({
        dataDir: this.options.dataDir,
        databasePath: this.databasePath,
        settings,
        audit: new AdminAudit(db),
        secrets: this.secrets,
        clock: this.clock,
        nativeBinding: this.options.nativeBinding ?? null,
        workerScript: this.options.backup?.workerScript ?? null,
        newestSeq: () => log.newest()?.seq ?? 0,
        log: this.log,
        ...(this.options.backup?.checkEveryMs === undefined ? {} : { checkEveryMs: this.options.backup.checkEveryMs }),
        restores: this.restores,
        ...(this.options.backup?.doorBuffer ? { doorBuffer: this.options.backup.doorBuffer } : {}),
      });
      const diagnostics = new DiagnosticsDesk({
        db,
        dataDir: this.options.dataDir,
        databasePath: this.databasePath,
        deviceId,
        shell: this.options.shell ?? { kind: 'test', version: '0.0.0' },
        status: () => this.status,
        readers: () => this.readers.states(),
        sync: () => city.status(),
        backups: () => backupSummaryOf(backups.status(), backups.copies().copies.length),
        disk: () => this.disk.report(),
        now: () => this.clock.now(),
        zone: () => zoneOf(this.clock),
        log: this.log,
      });
      const setupChanged = (): void => {
        if (this.store?.db !== db) return;
        const now = roster.kindergarten();
        this.updateStatus(this.store, {
          kindergartenName: now?.name ?? '',
          demo: now?.demo ?? false,
          language: settings.get('language'),
          defaultLanguage: settings.get('defaultLanguage'),
          timeZone: settings.get('timeZone') ?? machineTimeZone(),
          setup: setup.needed(),
        });
      };
      const setup = new SetupDesk({
        db,
        settings,
        staff,
        city,
        cardFormat,
        hidReaderFormat: (raw) => this.recentHidCards.get(raw) ?? null,
        roleChanged: (role) => {
          if (this.store?.db !== db) return;
          this.updateStatus(this.store, { machineRole: role });
          this.startReaders(this.store);
        },
        changed: setupChanged,
        startAfresh: async (putAside) => {
          this.close();
          await this.closed();
          putAside();
          this.reopen();
        },
        putDemoAside: (by) => putDemoAside(this.databasePath, this.options.dataDir, { by: by.id, at: this.clock.now() }),
        log: this.log,
      });
      status.setup = setup.needed();
      const peers = this.peerHost(deviceId, peerLog, settings.get('peerPort'), { staff, qrSigner }, (applied) => {
        if (this.store?.db !== db) return;
        this.log(`[peers] took in ${applied.kinds.join(', ')}: ${applied.children.length} children, ${applied.staff.length} staff touched`);
        staff.peersApplied(applied.staff);
      });
      const records = db;
      const computers = new ComputersDesk({
        db,
        settings,
        staff,
        control: () => this.options.peerControl ?? peers,
        firstRunOpen: () => setup.needed(),
        localDemo: () => holdsLocalDemo(records),
        joined: setupChanged,
        log: this.log,
        stick: {
          // The exports' folder (admin/export/exports-dir.ts), the one the web host's download route serves.
          exportsDir: join(this.options.dataDir, 'exports'),
          uploadsDir: join(this.options.dataDir, 'stick-uploads'),
          enrollRelay: (request) => city.enrollRelay(request),
          nowMs: () => this.clock.now().getTime(),
        },
      });
      const stickClosed = (): void => computers.close();
      const updates = new UpdateDesk({
        dataDir: this.options.dataDir,
        settings,
        audit: new AdminAudit(db),
        clock: this.clock,
        log: this.log,
        currentVersion: this.options.shell?.version ?? '0.0.0',
        installer: this.options.updates?.installer ?? null,
        ...(this.options.updates?.extraTrustedKeys === undefined ? {} : { extraTrustedKeys: this.options.updates.extraTrustedKeys }),
        ...(this.options.updates?.tickMs === undefined ? {} : { tickMs: this.options.updates.tickMs }),
        ...(this.options.updates?.channelFile === undefined ? {} : { channelFile: this.options.updates.channelFile }),
      });
      // Everything is built: from here on timers and workers start, each with its stop in `running` for close().
      // An archive being written stops between its steps when the kiosk closes.
      const running: (() => void)[] = [() => admin.stop(), stickClosed];
      let backgroundStarted = false;
      const startBackground = (): void => {
        if (backgroundStarted) return;
        backgroundStarted = true;
        city.start();
        running.push(() => void city.stop());
        // The month's never-come count for the city, drawn once a month has ended (admin.stop() ends the check).
        admin.startNeverComeCounts(() => this.clock.now(), this.log);
        const workerScript = this.options.audit?.workerScript ?? null;
        const audit = runAudit({ databasePath: this.databasePath, deviceId, nativeBinding: this.options.nativeBinding ?? null }, workerScript);
        running.push(() => audit.stop());
        this.audit = audit.outcome.then((outcome) => this.audited(opened, deviceId, outcome));
        backups.start();
        running.push(() => backups.stop());
        // The peer link after the door is open, as the push: its own connection, its own thread (close() stops it).
        peers?.start();
        updates.start();
        running.push(() => updates.stop());
        const pruner = new OutboxPruner({ outbox: new OutboxStore(opened), settings, clock: this.clock, log: this.log, ...this.options.outboxPruning });
        pruner.start();
        running.push(() => pruner.stop());
      };
      const store: OpenStore = { db, log, anchor, status, settings, door, qrSigner, staff, admin, cards, rosterEdits, rosterImport, city, backups, diagnostics, setup, computers, updates, keptAlerts, exclusive, startBackground, running, peers };
      this.store = store;
      // After a restore with a city enrolled: the door waits for one round of the push (which first puts back what the
      // city holds beyond the copy), and that round starts now rather than after the start-up delay.
      const awaitCity = this.restoring && !exclusive && city.enrolled();
      if (awaitCity) this.awaitCityRecovery(store);
      try {
        this.startStore(store, awaitCity);
      } catch (error) {
        // Never half open: what started stops, the file and the anchor close, and the catch below says why.
        this.close();
        throw error;
      }
      if (!exclusive) return awaitCity ? this.statusNow() : status;
      this.log(`[core] opened on a full disk (${free} bytes free): reading only until there is room`);
      this.cannotRecord.failed('DISK_FULL', new Error(`${free} bytes free in ${this.options.dataDir}`));
      return this.statusNow();
    } catch (error) {
      db?.close();
      anchor.close();
      const full = this.noRoomAtStart(error);
      if (full !== null) {
        this.cannotRecord.failed(full, error);
        return this.statusNow();
      }
      const problem = error instanceof DatabaseOpenError ? error.problem : classifyDatabaseError(error);
      const detail = error instanceof Error ? error.message : String(error);
      // Whatever went wrong, the door shows a screen with Retry: an exception here would end the host at every start.
      this.log(`[core] cannot open the records (${problem}): ${error instanceof Error ? (error.stack ?? detail) : detail}`);
      return { state: 'database-error', problem, detail };
    }
  }

  /**
   * Starts the opened store's clock-driven jobs and readers, and the background work (the push, the roster pulls, the
   * full check) after `backgroundAfterMs`; on a full disk that waits until there is room (probeStorage).
   */
  private startStore(store: OpenStore, backgroundNow = false): void {
    store.staff.start();
    store.running.push(() => store.staff.stop());
    this.disk.watchRecords(this.databasePath);
    this.disk.start();
    store.running.push(() => {
      this.disk.stop();
      this.disk.unwatchRecords();
    });
    this.startReaders(store);
    if (store.exclusive) return;
    const delay = backgroundNow ? 0 : (this.options.backgroundAfterMs ?? 0);
    if (delay <= 0) {
      store.startBackground();
      return;
    }
    const timer = setTimeout(() => {
      if (this.store !== store) return;
      try {
        store.startBackground();
      } catch (error) {
        // Not expected (each part reports its own failures): the kiosk closes rather than run half started.
        const detail = error instanceof Error ? error.message : String(error);
        this.log(`[core] the background work cannot start: ${error instanceof Error ? (error.stack ?? detail) : detail}`);
        this.close();
        this.setStatus({ state: 'database-error', problem: 'DB_UNKNOWN', detail });
      }
    }, delay);
    timer.unref();
    store.running.push(() => clearTimeout(timer));
  }

  /** A door reads its HID readers; the office has none and opens no device (docs/peers.md §2). */
  private startReaders(store: OpenStore): void {
    // restart([]): the open ones close and the screens hear the list is empty; nothing opens after.
    if (store.settings.get('machineRole') === 'office') this.readers.restart([]);
    else this.readers.start(store.settings.get('hidReaders'));
  }

  /**
   * The door says it cannot record (staff alerted, as for a full disk) until the city has answered once or the bound
   * passed; a disk problem that comes meanwhile stays what the door shows.
   */
  private awaitCityRecovery(store: OpenStore): void {
    const wait = store.city.awaitRecovery(this.options.cityRecoveryWaitMs, (why) => {
      if (this.store !== store || this.cannotRecord.now()?.problem !== 'AWAITING_CITY') return;
      this.log(`[core] the door records again after the restore: ${why}`);
      this.cannotRecord.works();
      this.setStatus(this.statusNow());
    });
    this.cannotRecord.failed('AWAITING_CITY', new Error(`restored from a copy: waiting up to ${wait.waitMs} ms for the city's records`));
    store.running.push(() => wait.stop());
  }

  private eventsMissing(missing: number | null, detail: string): KioskStatus {
    this.log(`[core] EVENTS MISSING from the records file (${missing ?? 'an unknown number of'} acknowledged events): ${detail}`);
    return { state: 'database-error', problem: 'DB_EVENTS_MISSING', detail, ...(missing === null ? {} : { missingEvents: missing }) };
  }

  /** The anchor could not be written (or can again): the chain's end is unknown meanwhile, and staff see it. */
  private anchorWritten(anchor: ChainAnchor, error: unknown): void {
    const failing = error !== null;
    if (failing === this.anchorFailing) return;
    this.anchorFailing = failing;
    const why = error instanceof Error ? error.message : 'not an Error';
    this.log(failing ? `[core] the chain anchor cannot be written: ${why}` : '[core] the chain anchor is written again');
    const store = this.store;
    if (store?.anchor === anchor) this.updateStatus(store, { chain: { ...store.status.chain, end: failing ? 'unknown' : 'anchored' } });
  }

  /** The background check's verdict: a damaged file closes the door on the damaged screen; a break is shown to staff. */
  private audited(db: Database, deviceId: string, outcome: AuditOutcome): void {
    const store = this.store;
    if (store?.db !== db) return;
    if (outcome.kind === 'damaged') {
      this.databaseDamaged(`full check: ${outcome.detail}`);
      return;
    }
    if (outcome.kind === 'failed') {
      this.log(`[core] the full database check could not run: ${outcome.detail}`);
      this.updateStatus(store, { chain: { ...store.status.chain, fullCheck: 'not-run' } });
      return;
    }
    const { chain, through } = outcome;
    this.log(`[core] full check: file whole; event chain ${chain.events} events, ${chain.intact ? 'intact' : `BROKEN at seq ${chain.brokenAtSeq}`}`);
    try {
      if (through) new ChainVerifiedStore(db).set(deviceId, through, this.clock.now().getTime());
    } catch (error) {
      this.log(`[core] the verified point cannot be stored: ${error instanceof Error ? error.message : String(error)}`);
    }
    const before = store.status.chain;
    // A break the start-up walk already saw (past this walk's end, in events appended since) stays shown.
    const intact = before.intact && chain.intact;
    const brokenAtSeq = chain.intact ? before.brokenAtSeq : chain.brokenAtSeq;
    this.updateStatus(store, { chain: { ...before, intact, brokenAtSeq, fullCheck: 'done' } });
  }

  /**
   * Whether a start failed for want of room (the kiosk then waits in its cannot-record state and opens by itself when
   * space returns), or null for a damaged, locked or unwritable file, which has its own screen. On a full disk SQLite
   * fails the first read with SQLITE_IOERR_SHMSIZE (the shared-memory file cannot grow), so an I/O error counts too
   * when the disk has no room.
   */
  private noRoomAtStart(error: unknown): StorageProblem | null {
    const cause = error instanceof DatabaseOpenError ? error.cause : error;
    const problem = storageProblemOf(cause);
    if (problem === 'DISK_FULL') return problem;
    const free = freeBytes(this.options.dataDir);
    if (problem === 'IO_ERROR' && free !== null && free < MIN_FREE_BYTES) return 'DISK_FULL';
    // A file system mounted read-only (as the kernel does to a failing disk) ends like a full one: it may come back.
    if (folderReadOnly(this.options.dataDir)) return 'READ_ONLY';
    // A write while setting up an opened file (the demo seed, the device id) failed: the file itself is fine.
    return error instanceof DatabaseOpenError ? null : problem;
  }
}
