// The kiosk's side of its link to the city, as KioskCore holds it: enrollment, the clock offset every reply feeds
// (with the staff alert on drift), and the pull — roster, then the other kiosks' records — on its own timer in the
// core's thread. Pulls are rare and small (a delta, a page of today's records); the HTTP wait is asynchronous and
// each apply is one short transaction, so the door is not held up. The push engine (sync-service.ts) pushes on
// its own loop; the two share only sync_state.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { StaffAlert } from '../../../shared/api/contract.js';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { toLocalTime } from '../../../shared/domain/local-time.js';
import type { AttendanceLog } from '../ledger/attendance-log.js';
import { zoneOf, type Clock } from '../time/clock.js';
import { CityClient, type CityClientOptions } from './city-client.js';
import { CityPull, type PullOutcome } from './city-pull.js';
import { ClockOffsetTracker } from './clock-offset.js';
import { EnrollmentError, keepRegistration, registerWithCity, type Registration } from './enrollment.js';
import type { RosterSnapshot } from '../../../shared/sync/protocol.js';
import type { RosterApplied } from '../roster/roster-apply.js';
import type { SecretStore } from '../files/secret-store.js';
import type { SyncCredentialsProvider } from './sync-credentials.js';
import { SyncError } from './sync-error.js';
import { SyncStateStore } from '../ledger/sync-state.js';

/** How often an enrolled kiosk pulls: the other door's arrivals show here within this long. */
export const DEFAULT_PULL_INTERVAL_MS = 60_000;

export interface CityLinkOptions {
  db: Database;
  attendance: AttendanceLog;
  secrets: SecretStore;
  /** The enrolled server, device and token (the same provider the push engine reads). */
  credentials: SyncCredentialsProvider;
  clock: Clock;
  /** Staff must see it: the clock drift alert. */
  alert: (alert: StaffAlert) => void;
  /** After every roster applied (the core refreshes the kindergarten's name and the demo badge). */
  onRosterApplied: (applied: RosterApplied) => void;
  /** After an enrollment was recorded (the core tells the push engine to read its credentials again). */
  onEnrolled?: () => void;
  /** After every roster pull, applied or refused: the sync status's rosterProblem may have changed. */
  onRosterStatus?: () => void;
  log: (line: string) => void;
  /** How a client is made (a test shortens the timeouts); a plain CityClient by default. */
  makeClient?: (options: CityClientOptions) => CityClient;
  /** 0 turns the timer off (tests pull by hand). */
  pullIntervalMs?: number;
}

export interface EnrollOutcome {
  deviceId: string;
  kindergartenId: string;
  /** Whether the first roster pull, right after enrolling, replaced the roster. */
  rosterLoaded: boolean;
}

export class CityLink {
  readonly clockOffset: ClockOffsetTracker;
  private readonly pull: CityPull;
  private readonly makeClient: (options: CityClientOptions) => CityClient;
  private timer: NodeJS.Timeout | null = null;
  private pulling: Promise<PullOutcome> | null = null;
  private stopped = false;
  /**
   * The token the city refused (401), or whose server speaks another protocol (426): the timer does not pull with it
   * again (docs/sync-protocol.md, "does not retry"). Enrolling again gives a new token, and pulls resume.
   */
  private haltedForToken: string | null = null;

  constructor(private readonly o: CityLinkOptions) {
    this.makeClient = o.makeClient ?? ((options) => new CityClient(options));
    this.clockOffset = new ClockOffsetTracker(new SyncStateStore(o.db), (offsetMs) => this.alertDrift(offsetMs));
    this.pull = new CityPull({
      db: o.db,
      attendance: o.attendance,
      clockOffset: this.clockOffset,
      now: () => o.clock.now(),
      zone: () => zoneOf(o.clock),
      onRosterApplied: o.onRosterApplied,
      ...(o.onRosterStatus ? { onRosterStatus: o.onRosterStatus } : {}),
      log: o.log,
    });
  }

  /** Pulls now when enrolled, then on the interval. */
  start(): void {
    const intervalMs = this.o.pullIntervalMs ?? DEFAULT_PULL_INTERVAL_MS;
    if (intervalMs <= 0) return;
    this.pullInBackground();
    this.timer = setInterval(() => this.pullInBackground(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer; a pull in flight finds the link stopped and is dropped unlogged. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Enrolls, then pulls the city's roster at once (the demo roster goes). ENROLL_* codes on failure. */
  async enroll(input: { serverUrl: string; code: string }): Promise<Result<EnrollOutcome>> {
    // A pull of the old enrollment must not land after the new one is recorded.
    await this.pulling?.catch(() => undefined);
    const registration = await this.register(input);
    if (!registration.ok) return registration;
    return this.adopt(registration.value);
  }

  /**
   * Registers with the city and reads its whole roster, keeping neither (the first-run setup shows what came before the
   * admin takes it): the registration to adopt, and the snapshot. ENROLL_* codes on failure.
   */
  async preview(input: { serverUrl: string; code: string }): Promise<Result<{ registration: Registration; roster: RosterSnapshot }>> {
    const registration = await this.register(input);
    if (!registration.ok) return registration;
    const { enrolled, token } = registration.value;
    const client = this.makeClient({ serverUrl: enrolled.serverUrl, token, now: () => this.o.clock.now().getTime() });
    try {
      const reply = await client.roster(null);
      this.clockOffset.observe(reply);
      if (reply.value.kind !== 'snapshot') return fail('ENROLL_SERVER_ERROR', 'the first roster of an enrollment was not a whole one');
      return ok({ registration: registration.value, roster: reply.value.roster });
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      this.o.log(`[sync] the roster shown before enrolling could not be read: ${error.message}`);
      return fail(error.code === 'SYNC_TIMEOUT' || error.code === 'SYNC_NETWORK' ? 'ENROLL_UNREACHABLE' : 'ENROLL_SERVER_ERROR', error.message);
    } finally {
      client.close();
    }
  }

  /** Keeps a registration (enroll, or a preview the admin accepted), then pulls the city's roster at once. */
  async adopt(registration: Registration): Promise<Result<EnrollOutcome>> {
    await this.pulling?.catch(() => undefined);
    keepRegistration({ db: this.o.db, secrets: this.o.secrets }, registration);
    const enrolled = registration.enrolled;
    this.o.log(`[sync] enrolled with ${enrolled.serverUrl} as ${enrolled.deviceId} (kindergarten ${enrolled.kindergartenId})`);
    this.o.onEnrolled?.();
    let rosterLoaded = false;
    try {
      await this.pullNow();
      rosterLoaded = true;
    } catch (error) {
      // Enrolled all the same: the next pull tries again.
      this.o.log(`[sync] first roster pull failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return ok({ deviceId: enrolled.deviceId, kindergartenId: enrolled.kindergartenId, rosterLoaded });
  }

  private async register(input: { serverUrl: string; code: string }): Promise<Result<Registration>> {
    try {
      return ok(
        await registerWithCity(
          {
            db: this.o.db,
            secrets: this.o.secrets,
            clockOffset: this.clockOffset,
            makeClient: (serverUrl) => this.makeClient({ serverUrl, token: null, now: () => this.o.clock.now().getTime() }),
          },
          input,
        ),
      );
    } catch (error) {
      if (!(error instanceof EnrollmentError)) throw error;
      this.o.log(`[sync] enrollment failed: ${error.message}`);
      return fail(error.code, error.message);
    }
  }

  /** One pull now (one at a time: a second call joins the pull in flight). Throws SyncError. */
  pullNow(): Promise<PullOutcome> {
    this.pulling ??= this.pullWithOwnClient().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  private pullInBackground(): void {
    const credentials = this.o.credentials();
    if (this.pulling || credentials === null || credentials.token === this.haltedForToken) return;
    this.pullNow().catch((error: unknown) => {
      if (!this.stopped) this.o.log(`[sync] pull failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async pullWithOwnClient(): Promise<PullOutcome> {
    const credentials = this.o.credentials();
    if (!credentials) throw new SyncError('SYNC_UNAUTHORIZED', 'not enrolled, or the token cannot be read');
    const client = this.makeClient({ serverUrl: credentials.serverUrl, token: credentials.token, now: () => this.o.clock.now().getTime() });
    try {
      const outcome = await this.pull.pullOnce(client);
      this.haltedForToken = null;
      return outcome;
    } catch (error) {
      if (error instanceof SyncError && (error.code === 'SYNC_UNAUTHORIZED' || error.code === 'SYNC_PROTOCOL_UNSUPPORTED')) {
        this.haltedForToken = credentials.token;
        this.o.log(`[sync] pulls stopped until the kiosk is ${error.code === 'SYNC_UNAUTHORIZED' ? 'enrolled again' : 'updated'}`);
      }
      throw error;
    } finally {
      client.close();
    }
  }

  private alertDrift(offsetMs: number): void {
    const minutes = Math.round(offsetMs / 60_000);
    this.o.log(`[sync] the kiosk clock is ${Math.abs(minutes)} min ${offsetMs > 0 ? 'behind' : 'ahead of'} the city's`);
    this.o.alert({ id: randomUUID(), kind: 'clock-drift', driftMinutes: minutes, at: toLocalTime(this.o.clock.now(), zoneOf(this.o.clock)).hhmm });
  }
}
