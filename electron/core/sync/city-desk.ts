// The kiosk's sync with the city as the core holds it: the push engine (its worker) and the link (enrollment, the
// roster and peer pulls, the clock offset), wired to each other over one database. The sync handlers and the core get
// one method per thing they do; the two engines stay inside.
import { CITY_RECOVERY_WAIT_MS, CityRecoveryWait } from './city-recovery-wait.js';
import type { Database } from 'better-sqlite3';
import type { StaffAlert } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { SyncStatus } from '../../../shared/sync/sync-status.js';
import type { SecretStore } from '../files/secret-store.js';
import type { AttendanceLog } from '../ledger/attendance-log.js';
import type { Clock } from '../time/clock.js';
import { CityLink, type EnrollOutcome } from './city-link.js';
import type { Registration } from './enrollment.js';
import type { CityPreview } from '../../../shared/setup/setup-contract.js';
import type { RosterSnapshot } from '../../../shared/sync/protocol.js';
import type { PullOutcome } from './city-pull.js';
import { DEV_SYNC_WORKER_SCRIPT } from './dev-worker-script.js';
import { credentialsFromState, KioskSync, type SyncTuning } from './kiosk-sync.js';
import type { SyncCredentialsProvider } from './sync-credentials.js';
import { holdsLocalDemo } from '../roster/demo-kindergarten.js';
import type { KeyObject } from 'node:crypto';
import { relayEnrollResult, type RelayEnrolled } from './relay-enroll.js';
import { readRelayTokens } from './relay-tokens.js';

export type { PullOutcome, SyncCredentialsProvider, SyncTuning };

export interface CityDeskOptions {
  db: Database;
  databasePath: string;
  nativeBinding: string | null;
  /** This kiosk's chain: pulled peers' records are checked against it. */
  attendance: AttendanceLog;
  /** Where the city token is kept (and written at enrollment). */
  secrets: SecretStore;
  clock: Clock;
  /** The sync credentials; by default sync_state's server and device with the token from the secret store. */
  credentials?: SyncCredentialsProvider | undefined;
  /** The sync worker's script: dist/sync-worker.mjs in a built app; the one run from the sources by default. */
  workerScript?: string | URL | undefined;
  tuning?: SyncTuning | undefined;
  /** How often an enrolled kiosk pulls the roster and the other kiosks' records; 0: only when asked (tests). */
  pullIntervalMs?: number | undefined;
  /** Every change of the sync status (the kiosk event syncStatusChanged). */
  onStatus: (status: SyncStatus) => void;
  /** Staff must hear of it (the kiosk's clock drifting from the city's). */
  alert: (alert: StaffAlert) => void;
  /** A roster from the city was applied: the kindergarten's name or the demo badge may have changed. */
  onRosterApplied: () => void;
  log: (line: string) => void;
  /** This machine's peer log, bound on the push worker's connection too (each push reply appends its city-acks). */
  peerLog?: { deviceId: string; signKey: KeyObject } | undefined;
}

export class CityDesk {
  private readonly push: KioskSync;
  private readonly link: CityLink;
  private readonly credentials: SyncCredentialsProvider;
  /** Set after a restore while the door waits for the worker's first round (awaitRecovery). */
  private recoveryWait: CityRecoveryWait | null = null;

  private readonly db: Database;
  private readonly secrets: SecretStore;
  private readonly now: () => number;
  /** An enrollment shown in the first-run setup and not yet accepted (kept in memory only: nothing is on disk). */
  private pending: { registration: Registration; preview: CityPreview } | null = null;

  constructor(options: CityDeskOptions) {
    const { db, secrets } = options;
    this.db = db;
    this.secrets = secrets;
    this.now = () => options.clock.now().getTime();
    // The kiosk's own demo has no city: no push, no pull, whatever sync_state says. (A city that serves a demo roster
    // itself, as the reference server can, gets the records made on its roster: enrollment named its kindergarten.)
    const fromState = credentialsFromState(db, () => secrets.get('city-token'));
    const credentials: SyncCredentialsProvider = options.credentials ?? (() => (holdsLocalDemo(db) ? null : fromState()));
    this.credentials = credentials;
    this.push = new KioskSync({
      db,
      databasePath: options.databasePath,
      nativeBinding: options.nativeBinding,
      credentials,
      workerScript: options.workerScript ?? DEV_SYNC_WORKER_SCRIPT,
      onStatus: (status) => {
        options.onStatus(status);
        this.recoveryWait?.status(status);
      },
      log: options.log,
      tuning: options.tuning,
      // The doors this kiosk pushes for (docs/peers.md §5), read at each start of the worker.
      relays: () => readRelayTokens(secrets),
      ...(options.peerLog === undefined ? {} : { peerLog: options.peerLog }),
      // Events put back from the city by the worker end the chain further: the anchor follows, as after a tap.
      onRecovered: () => {
        const end = options.attendance.newest();
        if (end) options.attendance.writeAnchor(end);
      },
    });
    this.link = new CityLink({
      db,
      attendance: options.attendance,
      secrets,
      credentials,
      clock: options.clock,
      alert: options.alert,
      onRosterApplied: () => options.onRosterApplied(),
      onEnrolled: () => this.push.refresh(),
      onRosterStatus: () => this.push.rosterChecked(),
      log: options.log,
      ...(options.pullIntervalMs === undefined ? {} : { pullIntervalMs: options.pullIntervalMs }),
    });
  }

  /** Starts the push (once enrolled) and the pull timer; the core does so after the door has opened. */
  start(): void {
    this.push.start();
    this.link.start();
  }

  /** Stops the pulls at once; the push's worker ends in the background. */
  stop(): Promise<void> {
    this.link.stop();
    return this.push.stop();
  }

  /**
   * After a restore: `over` is told once the worker's first round is over (the city's records back, the city
   * unreachable, recovery refused, sync halted) or `waitMs` passed (city-recovery-wait.ts). Returns how to stop waiting.
   */
  awaitRecovery(waitMs: number | undefined, over: (why: string) => void): { waitMs: number; stop: () => void } {
    this.recoveryWait?.stop();
    const wait = new CityRecoveryWait({ waitMs: waitMs ?? CITY_RECOVERY_WAIT_MS, over });
    this.recoveryWait = wait;
    return { waitMs: waitMs ?? CITY_RECOVERY_WAIT_MS, stop: () => wait.stop() };
  }

  /** The kiosk has a city to push to (credentials that cannot be read count as none: the push would not start either). */
  enrolled(): boolean {
    try {
      return this.credentials() !== null;
    } catch {
      return false;
    }
  }

  status(): SyncStatus {
    return this.push.status();
  }

  /** The network may be back: the push tries at once, forgetting its back-off. */
  nudge(): void {
    this.push.nudge('network');
  }

  /** Someone is acting at the door: the push gives way from its next exchange on. */
  doorActed(): void {
    this.push.doorActed();
  }

  /** The sync credentials changed (a test's or the bench's provider): the push starts, restarts or stops. */
  credentialsChanged(): void {
    this.push.refresh();
  }

  enroll(request: { serverUrl: string; code: string }): Promise<Result<EnrollOutcome>> {
    // The demo's made-up children would go to a real city: "start afresh" first (the admin console says how).
    if (holdsLocalDemo(this.db)) return Promise.resolve(fail('ENROLL_DEMO', 'a demo kiosk cannot enroll with a city: start afresh first'));
    return this.link.enroll(request);
  }

  /**
   * The first-run setup's enrollment: registered with the city and its roster read, nothing kept until accepted (one
   * waits at a time; a new preview replaces it). ENROLL_* codes, ENROLL_DEMO for the kiosk's own demo.
   */
  async previewEnrollment(request: { serverUrl: string; code: string }): Promise<Result<CityPreview>> {
    if (holdsLocalDemo(this.db)) return fail('ENROLL_DEMO', 'a demo kiosk cannot enroll with a city: start afresh first');
    const previewed = await this.link.preview(request);
    if (!previewed.ok) return previewed;
    const { registration, roster } = previewed.value;
    const preview = previewOf(registration.enrolled.serverUrl, roster);
    this.pending = { registration, preview };
    return ok(preview);
  }

  /** The enrollment waiting in the setup, if any. */
  pendingPreview(): CityPreview | null {
    return this.pending?.preview ?? null;
  }

  /** "This is ours": the waiting enrollment is kept and the city's roster applied, as after any enrollment. */
  async acceptEnrollment(): Promise<Result<EnrollOutcome>> {
    const pending = this.pending;
    if (!pending) return fail('SETUP_NO_CITY_PREVIEW');
    this.pending = null;
    return this.link.adopt(pending.registration);
  }

  /** "Not this one": the waiting enrollment is forgotten; the kiosk kept nothing of it. */
  dropEnrollment(): void {
    this.pending = null;
  }

  /**
   * Enrolls a door with no network of its own under its own device id and key (docs/peers.md §5); the push worker
   * starts again with the door's token among its relays. ENROLL_* codes; INVALID_REQUEST for a door that is no member.
   */
  async enrollRelay(input: { doorId: string; serverUrl: string; code: string }): Promise<Result<RelayEnrolled>> {
    if (holdsLocalDemo(this.db)) return fail('ENROLL_DEMO', 'a demo kiosk cannot enroll with a city: start afresh first');
    const enrolled = await relayEnrollResult({ db: this.db, secrets: this.secrets, now: this.now }, input);
    if (enrolled.ok) this.push.refresh();
    return enrolled;
  }

  /** Pulls the roster and the other kiosks' records now. Rejects with SyncError. */
  pullNow(): Promise<PullOutcome> {
    return this.link.pullNow();
  }
}

/** What the admin is shown of a city's roster: the kindergarten, its groups with their children, and the counts. */
function previewOf(serverUrl: string, roster: RosterSnapshot): CityPreview {
  const perGroup = new Map<string, number>();
  for (const child of roster.children) perGroup.set(child.groupId, (perGroup.get(child.groupId) ?? 0) + 1);
  return {
    serverUrl,
    kindergartenName: roster.kindergarten.name,
    groups: [...roster.groups].sort((a, b) => a.sortOrder - b.sortOrder).map((group) => ({ name: group.name, children: perGroup.get(group.id) ?? 0 })),
    children: roster.children.length,
    companions: roster.companions.length,
    cards: roster.credentials.filter((credential) => credential.revokedAt === null).length,
  };
}
