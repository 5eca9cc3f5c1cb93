// Enrolling a door with no network on its behalf (docs/peers.md §5): an admin at the office types a city enrollment
// code for that door; the office calls POST /v1/enroll with the DOOR's device id and public key, known from its member
// row, keeps the token in `relay-tokens`, and queues the door's city records it already holds. The city registers the
// door itself, so when the door later enrolls with its own key it is the same device, and what the office pushed for
// it comes back `duplicate`.
import type { Database } from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { EnrollRequestSchema, PROTOCOL_VERSION } from '../../../shared/sync/protocol.js';
import type { SecretStore } from '../files/secret-store.js';
import { markRelayed, queueHeldForRelay } from '../ledger/relay-queue.js';
import { CityClient } from './city-client.js';
import { checkServerUrl, enrollStep, EnrollmentError } from './enrollment.js';
import { keepRelayToken } from './relay-tokens.js';

export interface RelayEnrollDeps {
  db: Database;
  secrets: Pick<SecretStore, 'get' | 'set'>;
  now: () => number;
  makeClient?: (serverUrl: string) => CityClient;
}

export interface RelayEnrollInput {
  doorId: string;
  serverUrl: string;
  code: string;
}

export interface RelayEnrolled {
  doorId: string;
  kindergartenId: string;
  /** The door's records already held here, queued for the city now. */
  queued: number;
}

interface MemberRow {
  name: string;
  sign_pub: Buffer;
  revoked_at: string | null;
}

/** The door named is not a member here, or was removed: nothing was sent to the city. */
export class RelayMemberError extends Error {
  constructor(readonly doorId: string, message: string) {
    super(message);
    this.name = 'RelayMemberError';
  }
}

export async function relayEnroll(deps: RelayEnrollDeps, input: RelayEnrollInput): Promise<RelayEnrolled> {
  const member = deps.db
    .prepare<[string], MemberRow>('SELECT name, sign_pub, revoked_at FROM peer_members WHERE device_id = ?')
    .get(input.doorId);
  // Only a paired machine's pinned key is the door's: nobody else's key is enrolled in its name.
  if (member === undefined) throw new RelayMemberError(input.doorId, `${input.doorId} is no member of this kindergarten`);
  if (member.revoked_at !== null) throw new RelayMemberError(input.doorId, `${input.doorId} was removed on ${member.revoked_at}`);
  const url = checkServerUrl(input.serverUrl);
  const code = input.code.trim();
  if (!EnrollRequestSchema.shape.enrollmentCode.safeParse(code).success) throw new EnrollmentError('ENROLL_CODE_REFUSED', 'an enrollment code has 6 to 64 characters');
  const client = deps.makeClient?.(url.href) ?? new CityClient({ serverUrl: url.href, token: null });
  try {
    const hello = await enrollStep('hello', () => client.hello());
    if (!hello.value.protocolVersions.includes(PROTOCOL_VERSION)) {
      throw new EnrollmentError('ENROLL_PROTOCOL_UNSUPPORTED', `the server speaks versions ${hello.value.protocolVersions.join(', ')}, not ${PROTOCOL_VERSION}`);
    }
    const publicKey = Buffer.from(member.sign_pub).toString('base64url');
    const reply = await enrollStep('enroll', () =>
      client.enroll({ enrollmentCode: code, publicKey, deviceName: member.name.slice(0, 120), deviceId: input.doorId }),
    );
    if (reply.value.deviceId !== input.doorId) {
      throw new EnrollmentError('ENROLL_SERVER_ERROR', `the server registered device ${reply.value.deviceId}, not the door's ${input.doorId}`);
    }
    // The token first: a crash before the queueing leaves a relay with nothing queued yet, which the next import fills.
    keepRelayToken(deps.secrets, input.doorId, { serverUrl: client.serverUrl, token: reply.value.token });
    // Marked before the held records are queued: a page imported meanwhile queues its own, and INSERT OR IGNORE
    // keeps each record once either way.
    markRelayed(deps.db, input.doorId, deps.now());
    const queued = queueHeldForRelay(deps.db, input.doorId, deps.now());
    return { doorId: input.doorId, kindergartenId: reply.value.kindergartenId, queued };
  } finally {
    client.close();
  }
}

/**
 * The office's *Enroll for the city* of a door (the console's request): the enrollment as a Result, its refusals by
 * the enrollment's own codes (a member that is none, or removed: INVALID_REQUEST, nothing sent).
 */
export async function relayEnrollResult(deps: RelayEnrollDeps, input: RelayEnrollInput): Promise<Result<RelayEnrolled>> {
  try {
    return ok(await relayEnroll(deps, input));
  } catch (error) {
    if (error instanceof EnrollmentError) return fail(error.code, error.message);
    if (error instanceof RelayMemberError) return fail('INVALID_REQUEST', error.message);
    throw error;
  }
}
