// Enrolling the kiosk with a city server: an admin gives the server's URL and a one-time code; the kiosk brings its
// own Ed25519 key pair, asks the server whether it speaks protocol v1, registers its public key, and keeps what it
// got back — the device id, kindergarten id and URL in sync_state, the bearer token in the SecretStore (never SQLite).
import type { Database } from 'better-sqlite3';
import { hostname } from 'node:os';
import { EnrollRequestSchema, PROTOCOL_VERSION } from '../../../shared/sync/protocol.js';
import { deviceKey } from '../credentials/device-key.js';
import { rawPublicKey } from '../credentials/ed25519.js';
import { CityClient, parseServerUrl } from './city-client.js';
import type { ClockOffsetTracker } from './clock-offset.js';
import type { SecretStore } from '../files/secret-store.js';
import { isSyncError, type SyncError } from './sync-error.js';
import { SYNC_KEYS, SyncStateStore } from '../ledger/sync-state.js';

/** Each way an enrollment can fail, as the admin is told it (the KioskApi error codes of the same names). */
export type EnrollErrorCode =
  /** Not an http(s) URL of a server (another scheme, user:password@, a query…): nothing was sent. */
  | 'ENROLL_BAD_URL'
  /** No connection or no reply in time. */
  | 'ENROLL_UNREACHABLE'
  /** The server refused the code: unknown, already used, or mistyped. */
  | 'ENROLL_CODE_REFUSED'
  /** The server answers, but not protocol v1. */
  | 'ENROLL_PROTOCOL_UNSUPPORTED'
  /** The server answered with an error or a reply that is not the protocol's. */
  | 'ENROLL_SERVER_ERROR'
  /** 409 DEVICE_ID_TAKEN: another kiosk, with another key, is registered under this kiosk's own device id. */
  | 'ENROLL_DEVICE_ID_TAKEN';

export class EnrollmentError extends Error {
  constructor(
    readonly code: EnrollErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EnrollmentError';
  }
}

export interface EnrollmentInput {
  serverUrl: string;
  code: string;
}

export interface Enrolled {
  /** The URL as stored (normalised), the base of every later call. */
  serverUrl: string;
  deviceId: string;
  kindergartenId: string;
}

export interface EnrollmentDeps {
  db: Database;
  secrets: SecretStore;
  /** Every reply's Date header is a clock measurement, enrollment's too. */
  clockOffset: ClockOffsetTracker;
  /** How the city lists this kiosk; the host name by default. */
  deviceName?: string;
  /** A client for the server, with the timeouts the caller wants (a test shortens them). */
  makeClient?: (serverUrl: string) => CityClient;
}

/** Enrolls, or throws EnrollmentError. Enrolling again (a new code, perhaps another server) replaces the old enrollment. */
export async function enrollKiosk(deps: EnrollmentDeps, input: EnrollmentInput): Promise<Enrolled> {
  const registered = await registerWithCity(deps, input);
  keepRegistration(deps, registered);
  return registered.enrolled;
}

/** A registration the city made and the kiosk has not kept yet (the first-run setup shows its roster first). */
export interface Registration {
  enrolled: Enrolled;
  token: string;
}

/** Registers this kiosk with the city and returns what it answered, keeping nothing; throws EnrollmentError. */
export async function registerWithCity(deps: EnrollmentDeps, input: EnrollmentInput): Promise<Registration> {
  const url = checkServerUrl(input.serverUrl);
  const code = input.code.trim();
  if (!EnrollRequestSchema.shape.enrollmentCode.safeParse(code).success) {
    throw new EnrollmentError('ENROLL_CODE_REFUSED', 'an enrollment code has 6 to 64 characters');
  }
  const client = deps.makeClient?.(url.href) ?? new CityClient({ serverUrl: url.href, token: null });
  try {
    const hello = await enrollStep('hello', () => client.hello());
    deps.clockOffset.observe(hello);
    if (!hello.value.protocolVersions.includes(PROTOCOL_VERSION)) {
      throw new EnrollmentError('ENROLL_PROTOCOL_UNSUPPORTED', `the server speaks versions ${hello.value.protocolVersions.join(', ')}, not ${PROTOCOL_VERSION}`);
    }
    const publicKey = Buffer.from(rawPublicKey(deviceKey(deps.secrets))).toString('base64url');
    const deviceName = (deps.deviceName ?? `Esik ${hostname()}`).slice(0, 120);
    // The kiosk's own id: its chain has named it since the first event, enrolled or not (protocol.ts, EnrollRequest).
    const localId = localDeviceId(deps.db);
    const reply = await enrollStep('enroll', () => client.enroll({ enrollmentCode: code, publicKey, deviceName, deviceId: localId }));
    deps.clockOffset.observe(reply);
    const { deviceId, kindergartenId } = reply.value;
    if (deviceId !== localId) {
      throw new EnrollmentError('ENROLL_SERVER_ERROR', `the server registered device ${deviceId}, not this kiosk's ${localId}`);
    }
    return { enrolled: { serverUrl: client.serverUrl, deviceId, kindergartenId }, token: reply.value.token };
  } finally {
    client.close();
  }
}

/** Keeps a registration: from here on the kiosk is enrolled. */
export function keepRegistration(deps: Pick<EnrollmentDeps, 'db' | 'secrets'>, registered: Registration): void {
  // The token first: a crash between the two leaves a token nobody points to (harmless, replaced next time),
  // never an enrollment in sync_state without its token.
  deps.secrets.set('city-token', registered.token);
  recordEnrollment(deps.db, registered.enrolled);
}

/** The URL as the client will use it, or ENROLL_BAD_URL: only http and https, no credentials, query or fragment. */
export function checkServerUrl(text: string): URL {
  try {
    return parseServerUrl(text.trim());
  } catch {
    throw new EnrollmentError('ENROLL_BAD_URL', `not an http(s) server URL: ${text.slice(0, 200)}`);
  }
}

function localDeviceId(db: Database): string {
  const row = db.prepare<[], { id: string }>('SELECT id FROM device').get();
  if (!row) throw new Error('the kiosk has no device row (ensureDeviceId runs at start-up)');
  return row.id;
}

/** One transaction: the new enrollment, and cursors from any earlier one dropped (the first pull is a snapshot). */
function recordEnrollment(db: Database, enrolled: Enrolled): void {
  const state = new SyncStateStore(db);
  db.transaction(() => {
    state.set(SYNC_KEYS.serverUrl, enrolled.serverUrl);
    state.set(SYNC_KEYS.cityDeviceId, enrolled.deviceId);
    state.set(SYNC_KEYS.kindergartenId, enrolled.kindergartenId);
    state.delete(SYNC_KEYS.rosterCursor);
    state.delete(SYNC_KEYS.peersCursor);
  }).immediate();
}

export async function enrollStep<T>(name: 'hello' | 'enroll', call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isSyncError(error)) throw error;
    throw enrollmentErrorOf(name, error);
  }
}

/**
 * What the admin is told, by the server's own code where it gave one. Nothing here is about a device token: the kiosk
 * has none yet, so a 401/403 at this step is the enrollment code refused.
 */
function enrollmentErrorOf(name: 'hello' | 'enroll', error: SyncError): EnrollmentError {
  const said = `${error.status ?? 'no status'}${error.serverCode ? ` ${error.serverCode}` : ''}`;
  if (error.code === 'SYNC_TIMEOUT' || error.code === 'SYNC_NETWORK') return new EnrollmentError('ENROLL_UNREACHABLE', `${name}: ${error.message}`);
  if (error.code === 'SYNC_PROTOCOL_UNSUPPORTED') return new EnrollmentError('ENROLL_PROTOCOL_UNSUPPORTED', `${name}: ${error.message}`);
  if (name === 'enroll' && error.status === 409 && error.serverCode === 'DEVICE_ID_TAKEN') {
    return new EnrollmentError('ENROLL_DEVICE_ID_TAKEN', `enroll: another kiosk is registered under this device id (${said})`);
  }
  if (name === 'enroll' && error.code === 'SYNC_UNAUTHORIZED') {
    return new EnrollmentError('ENROLL_CODE_REFUSED', `enroll: the server refused the enrollment code (${said})`);
  }
  return new EnrollmentError('ENROLL_SERVER_ERROR', `${name}: ${error.message}${error.serverCode ? ` (${error.serverCode})` : ''}`);
}
