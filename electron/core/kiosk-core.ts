// The kiosk core: opens the store, seeds demo data, wires the services and answers every KioskApi request.
// Plain Node: the Electron shell, the web host and the tests all run this same object.
import type { SaveFileAs } from './admin/export/save-export.js';
import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { kioskEvents, type KioskStatus, type KioskRequestName, type RequestArgs, type RequestValue, type EventPayload, type KioskEventName, type StaffAlert } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/result.js';
import { ensureKioskSigningKey } from './credentials/kiosk-key.js';
import type { QrSigner } from './credentials/qr-issuer.js';
import { verifyQr } from './credentials/qr-verifier.js';
import { TrustedKeys } from './credentials/trusted-keys.js';
import { trustDemoCityKey } from './demo/demo-city-key.js';
import { demoRoster } from './demo/demo-roster.js';
import { DatabaseOpenError, openDatabase } from './db/open-database.js';
import { AttendanceLog, ensureDeviceId } from './services/attendance-log.js';
import { CheckinService } from './services/checkin-service.js';
import { RefusedAttempts } from './services/refused-attempts.js';
import { RosterStore } from './services/roster-store.js';
import { SettingsStore } from './services/settings-store.js';
import { StaffDesk } from './staff/staff-desk.js';
import { staffHandlers } from './staff/staff-handlers.js';
import { AdminDesk } from './admin/admin-desk.js';
import { adminHandlers, type AdminAsyncRequestName } from './admin/admin-handlers.js';
import { CityLink } from './sync/city-link.js';
import type { PullOutcome } from './sync/city-pull.js';
import { FileSecretStore, type SecretStore } from './sync/secret-store.js';
import type { SyncCredentialsProvider } from './sync/sync-credentials.js';
import { credentialsFromState, KioskSync, type SyncTuning } from './sync/kiosk-sync.js';
import { systemClock, type Clock } from './time/clock.js';
import type { HidAccess } from './readers/hid-access.js';
import type { HidReaderConfig } from '../../shared/readers/reader-config.js';
import { HidReaderService } from './readers/hid-reader-service.js';
import { NodeHidAccess } from './readers/node-hid-access.js';

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
   * sync worker (dist/sync-worker.mjs) — absent or null runs sync in the core's thread; tuning: for tests and the bench.
   */
  sync?: { credentials?: SyncCredentialsProvider; workerScript?: string | URL | null; tuning?: SyncTuning };
  /**
   * Where the city token and the device key are kept: the Electron shell passes one sealed by safeStorage
   * (electron/main/secret-store.ts); by default a 0600 file per secret in the data folder.
   */
  secrets?: SecretStore;
  /** How often an enrolled kiosk pulls the roster and the other kiosks' records; 0: only when asked (tests). */
  cityPullIntervalMs?: number;
  /** The Electron shell's "Save as…" for the admin's exports (electron/main/save-dialog.ts); the web host has none. */
  saveFileAs?: SaveFileAs;
}

/** Requests that wait on the network and so answer with a Promise; every other one answers at once. */
type AsyncRequestName = 'enrollKiosk' | AdminAsyncRequestName;

export type KioskHandlers = {
  [K in KioskRequestName]: (args: RequestArgs<K>) => K extends AsyncRequestName ? Promise<Result<RequestValue<K>>> : Result<RequestValue<K>>;
};

type Listener = <E extends KioskEventName>(event: E, payload: EventPayload<E>) => void;

interface OpenStore {
  db: Database;
  status: Extract<KioskStatus, { state: 'ready' }>;
  settings: SettingsStore;
  checkin: CheckinService;
  /** Signs the QR cards this kiosk prints; null when its key file cannot be read (the door works without it). */
  qrSigner: QrSigner | null;
  /** Staff on duty: sign-in, overrides, corrections, absences, headcount, closing (electron/core/staff/). */
  staff: StaffDesk;
  /** The admin console: the log, the табель and its exports (electron/core/admin/). */
  admin: AdminDesk;
  /** Pushes the outbox to the city once the kiosk is enrolled; never in the door's way. */
  sync: KioskSync;
  /** Enrollment, the roster and peer pulls, the clock offset (electron/core/sync/city-link.ts). */
  city: CityLink;
}

export class KioskCore {
  readonly databasePath: string;
  private store: OpenStore | null = null;
  private readers: HidReaderService | null = null;
  private status: KioskStatus;
  private readonly listeners = new Set<Listener>();
  /** Alerts that stand until what they are about is over (getStaffAlerts), by id. */
  private readonly standingAlerts = new Map<string, StaffAlert>();
  private readonly clock: Clock;
  private readonly log: (line: string) => void;
  private readonly secrets: SecretStore;

  constructor(private readonly options: KioskCoreOptions) {
    this.databasePath = join(options.dataDir, 'esik.sqlite');
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? ((line) => console.log(line));
    this.secrets = options.secrets ?? new FileSecretStore(options.dataDir, { cipher: null, log: this.log });
    this.status = this.open();
  }

  readonly handlers: KioskHandlers = {
    getStatus: () => ok(this.status),
    getReaders: () => ok({ readers: this.readers?.states() ?? [] }),
    getStaffAlerts: () => ok({ alerts: [...this.standingAlerts.values()] }),
    getSyncStatus: () => this.withStore((s) => ok(s.sync.status())),
    nudgeSync: () =>
      this.withStore((s) => {
        s.sync.nudge('network');
        return ok({});
      }),
    // An HID reader's card comes with its reader's format applied (HidReaderService); a typed card is read
    // with the keyboard readers' format.
    identifyCard: ({ raw, source }) =>
      this.atDoor((s) => s.checkin.identifyCard(raw, source === 'hid' ? 'canonical' : s.settings.get('keyboardReader').format)),
    identifyQr: ({ text }) => this.atDoor((s) => s.checkin.identifyQr(text)),
    confirmScan: ({ scanId, childIds }) => this.atDoor((s) => s.checkin.confirm(scanId, childIds)),
    cancelScan: ({ scanId }) =>
      this.withStore((s) => {
        s.checkin.cancel(scanId);
        return ok({});
      }),
    setLanguage: ({ language }) =>
      this.withStore((s) => {
        s.settings.set('language', language);
        this.updateStatus(s, { language });
        return ok({});
      }),
    ...staffHandlers((action) => this.atDoor((s) => action(s.staff))),
    ...adminHandlers(() => this.store?.admin ?? null),
    enrollKiosk: async ({ sessionId, serverUrl, code }) => {
      const s = this.store;
      if (!s) return fail('DATABASE_UNAVAILABLE');
      // Enrolling decides where the records go and whose roster opens the door: an admin's act only.
      const session = s.staff.session(sessionId);
      if (!session.ok) return session.result;
      if (session.member.role !== 'admin') return fail('STAFF_FORBIDDEN', 'only an admin enrolls the kiosk');
      return s.city.enroll({ serverUrl, code });
    },
    retryDatabase: () => {
      if (!this.store) this.setStatus(this.open());
      return ok(this.status);
    },
  };

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pulls the roster and the other kiosks' records now (tests; a shell's "sync now"). Rejects with SyncError. */
  pullFromCity(): Promise<PullOutcome> {
    if (!this.store) return Promise.reject(new Error('the database is not open'));
    return this.store.city.pullNow();
  }

  close(): void {
    // Stops reporting at once; the devices close in the background.
    void this.readers?.stop();
    this.readers = null;
    this.store?.city.stop();
    this.store?.staff.stop();
    void this.store?.sync.stop();
    this.store?.db.close();
    this.store = null;
  }

  private withStore<T>(action: (store: OpenStore) => Result<T>): Result<T> {
    if (!this.store) return fail('DATABASE_UNAVAILABLE', this.status.state === 'database-error' ? this.status.problem : undefined);
    return action(this.store);
  }

  /**
   * A person acting at the door: the push in the background gives way (push-pacing.ts) from its next exchange on.
   * An exchange already out (after a quiet spell, up to two of 1,000 records) finishes first.
   */
  private atDoor<T>(action: (store: OpenStore) => Result<T>): Result<T> {
    this.store?.sync.doorActed();
    return this.withStore(action);
  }

  private updateStatus(store: OpenStore, change: Partial<OpenStore['status']>): void {
    store.status = { ...store.status, ...change };
    this.setStatus(store.status);
  }

  private setStatus(status: KioskStatus): void {
    this.status = status;
    this.emit('statusChanged', status);
  }

  private emit<E extends KioskEventName>(event: E, payload: EventPayload<E>): void {
    this.keepStandingAlert(event, payload);
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Closing time stands until every child is resolved: kept here for a screen that (re)connects in the meantime. */
  private keepStandingAlert<E extends KioskEventName>(event: E, payload: EventPayload<E>): void {
    if (event === 'staffAlert') {
      const alert = kioskEvents.staffAlert.parse(payload);
      if (alert.kind === 'closing-time') this.standingAlerts.set(alert.id, alert);
    } else if (event === 'staffAlertCleared') {
      this.standingAlerts.delete(kioskEvents.staffAlertCleared.parse(payload).id);
    }
  }

  /** The admin changed the HID readers: the old ones close and the new list opens, without a restart. */
  private restartReaders(readers: HidReaderConfig[]): void {
    const old = this.readers;
    this.readers = null;
    this.emit('readersChanged', { readers: [] });
    void (old?.stop() ?? Promise.resolve()).then(() => {
      if (this.store !== null && this.readers === null) this.startReaders(readers);
    });
  }

  /** HID data-mode readers are read here (keyboard-mode ones by the UI); nothing starts when none are configured. */
  private startReaders(readers: HidReaderConfig[]): void {
    if (readers.length === 0 || this.readers) return;
    this.readers = new HidReaderService({
      access: this.options.hid ?? new NodeHidAccess(),
      readers,
      onCard: (raw) => this.emit('cardRead', { raw, source: 'hid' }),
      onReaders: (states) => this.emit('readersChanged', { readers: states }),
      log: this.log,
    });
    this.readers.start();
  }

  private startSync(db: Database): KioskSync {
    const options = this.options.sync ?? {};
    const sync = new KioskSync({
      db,
      databasePath: this.databasePath,
      nativeBinding: this.options.nativeBinding ?? null,
      credentials: options.credentials ?? credentialsFromState(db, () => this.secrets.get('city-token')),
      workerScript: options.workerScript ?? null,
      onStatus: (status) => this.emit('syncStatusChanged', status),
      log: this.log,
      tuning: options.tuning,
    });
    sync.start();
    return sync;
  }

  private kioskSigner(keys: TrustedKeys): QrSigner | null {
    try {
      return ensureKioskSigningKey(this.options.dataDir, keys, this.clock.now());
    } catch (error) {
      this.log(`[core] QR card printing unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  private open(): KioskStatus {
    try {
      const db = openDatabase(this.databasePath, this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {});
      const roster = new RosterStore(db);
      const keys = new TrustedKeys(db);
      if (roster.isEmpty() && this.options.demo) {
        // The demo city key is trusted only together with the demo kindergarten, in one transaction.
        db.transaction(() => {
          roster.seed(demoRoster());
          trustDemoCityKey(keys, this.clock.now());
        }).immediate();
        this.log(`[core] demo kindergarten created in ${this.databasePath}`);
      }
      const deviceId = ensureDeviceId(db, this.clock.now());
      const log = new AttendanceLog(db, deviceId);
      const started = performance.now();
      const chain = log.verify();
      this.log(`[core] event chain: ${chain.events} events, ${chain.intact ? 'intact' : `BROKEN at seq ${chain.brokenAtSeq}`} (${Math.round(performance.now() - started)} ms)`);
      const settings = new SettingsStore(db);
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
        chain,
        secretStorage: this.secrets.protection,
      };
      const checkin = new CheckinService({
        clock: this.clock,
        log,
        roster,
        refused: new RefusedAttempts(db),
        settings,
        verifyQr: (text, now) =>
          verifyQr(text, now, {
            // Read per scan: a roster from the city may change the kindergarten while the kiosk runs.
            kindergartenId: roster.kindergarten()?.id,
            findKey: (id) => keys.find(id),
            findCredential: (id) => roster.credential('qr', id),
          }),
        alert: (alert) => this.emit('staffAlert', alert),
      });
      const staff = new StaffDesk({
        db,
        log,
        clock: this.clock,
        dataDir: this.options.dataDir,
        cardFormat: (source) => (source === 'hid' ? 'canonical' : settings.get('keyboardReader').format),
        report: this.log,
        alerts: { raise: (alert) => this.emit('staffAlert', alert), clear: (id) => this.emit('staffAlertCleared', { id }) },
      });
      if (kindergarten?.demo) staff.ensureDemoSignIn();
      staff.start();
      const sync = this.startSync(db);
      const city = new CityLink({
        db,
        attendance: log,
        secrets: this.secrets,
        credentials: this.options.sync?.credentials ?? credentialsFromState(db, () => this.secrets.get('city-token')),
        clock: this.clock,
        alert: (alert) => this.emit('staffAlert', alert),
        onRosterApplied: () => {
          // The name on the idle screen and the DEMO badge follow the roster (demo → the city's kindergarten).
          const now = roster.kindergarten();
          if (this.store?.db === db) this.updateStatus(this.store, { kindergartenName: now?.name ?? '', demo: now?.demo ?? false });
        },
        onEnrolled: () => sync.refresh(),
        log: this.log,
        ...(this.options.cityPullIntervalMs === undefined ? {} : { pullIntervalMs: this.options.cityPullIntervalMs }),
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
        offsetMinutes: this.clock.offsetMinutes,
        saveFileAs: this.options.saveFileAs ?? null,
        onDoorSettings: (door, changed) => {
          if (this.store?.db !== db) return;
          this.updateStatus(this.store, { defaultLanguage: door.defaultLanguage, sound: door.sound, cameraDeviceId: door.cameraDeviceId });
          if (changed.includes('hidReaders')) this.restartReaders(door.hidReaders);
        },
      });
      this.store = { db, status, settings, checkin, qrSigner, staff, admin, sync, city };
      city.start();
      this.startReaders(settings.get('hidReaders'));
      return status;
    } catch (error) {
      if (!(error instanceof DatabaseOpenError)) throw error;
      this.log(`[core] ${error.message}`);
      return { state: 'database-error', problem: error.problem, detail: error.message };
    }
  }
}
