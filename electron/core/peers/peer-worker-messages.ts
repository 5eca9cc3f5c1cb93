// The messages between the core and the peer worker thread (docs/peers.md §5 "Threads"), checked with zod on both
// sides of the thread boundary as sync/worker-messages.ts does: what the worker starts with, what the core tells it
// (`new-head` after own commits, the PeerControl asks), and what it tells back (`applied`, `status`, the answers).
// Every ask carries an id and is answered once, by id, with a Result shaped by its op; the console's desk asks through
// peer-worker-host.ts, which implements peers/peer-control.ts over these.
import { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { resultSchema } from '../../../shared/api/result.js';
import { Id } from '../../../shared/domain/attendance.js';
import { MachineRoleSchema, PeerAddress, PeerKindSchema, b64u } from '../../../shared/peers/peer-record.js';
import { PairingOpenedSchema, PeerJoinedSchema, PeerJoinRequestSchema, PeerStatusSchema } from '../../../shared/peers/peer-status.js';
import { StickReadSchema } from '../../../shared/peers/stick-contract.js';

const Port = z.number().int().min(0).max(65_535);
const Ms = z.number().int().positive();

export const PeerWorkerDataSchema = z.object({
  databasePath: z.string().min(1),
  nativeBinding: z.string().min(1).nullable(),
  /** This machine's device id (the `device` row) and its device key (Ed25519, private): it signs the handshakes and
   *  the rows the worker appends for pairing. A KeyObject crosses the thread boundary as a clone. */
  deviceId: Id,
  signKey: z.custom<KeyObject>((key) => key instanceof KeyObject && key.type === 'private' && key.asymmetricKeyType === 'ed25519', 'an Ed25519 private key'),
  /** The peer port (setting `peerPort`, `--peer-port`); 0 only in tests (the OS picks a free one). */
  peerPort: Port,
  /** Where the listener binds: all interfaces in service, 127.0.0.1 in tests. */
  host: z.string().min(1).max(64),
  /** When the door was last used (DoorActivity's buffer), shared with the core's thread: catch-up gives way to taps. */
  doorActivity: z.instanceof(SharedArrayBuffer).refine((buffer) => buffer.byteLength >= BigInt64Array.BYTES_PER_ELEMENT, 'too small for a time stamp'),
  /** The UDP beacon (docs/peers.md §4): null turns it off (tests that need no discovery); absent: the protocol's port. */
  beacon: z.object({ listenPort: Port, target: z.object({ address: z.string().min(1).max(64), port: Port }), everyMs: Ms.optional() }).nullable().optional(),
  /**
   * What pairing needs beyond the device key (peers/pairing-hooks.ts): the static X25519 key's public half and the QR
   * signing key, which this machine's member record carries. Absent: this worker cannot pair (its asks say so).
   */
  pairing: z.object({ dhPub: b64u(32), qrKeyId: z.string().min(1).max(64), qrPub: b64u(32) }).optional(),
  /** The static X25519 key (private; secret `peer-dh-key`) that opens sticks addressed to this machine. Absent: none read. */
  dhKey: z.custom<KeyObject>((key) => key instanceof KeyObject && key.type === 'private' && key.asymmetricKeyType === 'x25519', 'an X25519 private key').optional(),
  /** Tests shorten these; absent: the protocol's values. */
  tuning: z
    .object({
      /** How often the worker looks whether peer_members or addresses changed (a member record arrived, an address typed). */
      membersEveryMs: Ms,
      haveEveryMs: Ms,
      dialBackoff: z.object({ firstMs: Ms, maxMs: Ms }),
      statusEveryMs: Ms,
    })
    .partial()
    .optional(),
});
export type PeerWorkerData = z.infer<typeof PeerWorkerDataSchema>;

const Actor = z.object({ staffId: Id });
const AskId = z.number().int().nonnegative();
const StickMoment = z.object({ ms: z.number().int().nonnegative(), offsetMinutes: z.number().int().min(-900).max(900) });
const Folder = z.string().min(1).max(4000);

/** Each op of PeerControl as an ask: its arguments, and (PeerAnswerSchemas) the Result it is answered with. */
export const PeerAskSchema = z.discriminatedUnion('op', [
  z.object({ t: z.literal('ask'), id: AskId, op: z.literal('status'), args: z.object({}) }),
  // The group's PIN pepper goes with the code (the host reads it from the secret store, which this thread cannot open).
  z.object({ t: z.literal('ask'), id: AskId, op: z.literal('openPairing'), args: z.object({ by: Actor, pepper: b64u(32).optional() }) }),
  z.object({ t: z.literal('ask'), id: AskId, op: z.literal('closePairing'), args: z.object({}) }),
  z.object({
    t: z.literal('ask'),
    id: AskId,
    op: z.literal('join'),
    args: z.object({ request: PeerJoinRequestSchema.extend({ role: MachineRoleSchema }), by: Actor.nullable() }),
  }),
  z.object({ t: z.literal('ask'), id: AskId, op: z.literal('revoke'), args: z.object({ deviceId: Id, reason: z.string().max(500), by: Actor }) }),
  z.object({ t: z.literal('ask'), id: AskId, op: z.literal('setAddress'), args: z.object({ deviceId: Id, address: PeerAddress, by: Actor }) }),
  z.object({
    t: z.literal('ask'),
    id: AskId,
    op: z.literal('bundleWrite'),
    args: z.object({ folder: Folder, for: z.array(Id).max(64).nullable(), at: StickMoment, by: Actor }),
  }),
  z.object({ t: z.literal('ask'), id: AskId, op: z.literal('bundleRead'), args: z.object({ path: Folder, at: StickMoment, by: Actor }) }),
]);
export type PeerAsk = z.infer<typeof PeerAskSchema>;
export type PeerOp = PeerAsk['op'];
export type PeerArgs<O extends PeerOp> = Extract<PeerAsk, { op: O }>['args'];

const NullResult = resultSchema(z.null());

/** The Result each op is answered with. */
export const PeerAnswerSchemas = {
  status: resultSchema(PeerStatusSchema),
  openPairing: resultSchema(PairingOpenedSchema),
  closePairing: NullResult,
  join: resultSchema(PeerJoinedSchema),
  revoke: NullResult,
  setAddress: NullResult,
  bundleWrite: resultSchema(z.object({ path: Folder, bundleId: Id, records: z.number().int().nonnegative(), recipients: z.array(Id).max(64) })),
  bundleRead: resultSchema(StickReadSchema),
} as const satisfies Record<PeerOp, z.ZodType>;
export type PeerAnswer<O extends PeerOp> = z.infer<(typeof PeerAnswerSchemas)[O]>;

export const ToPeerWorkerSchema = z.union([
  z.discriminatedUnion('t', [
    /** Own records were committed: announce them to every open session (docs/peers.md §5 "Pulling and being told"). */
    z.object({ t: z.literal('new-head') }),
    z.object({ t: z.literal('stop') }),
  ]),
  PeerAskSchema,
]);
export type ToPeerWorker = z.infer<typeof ToPeerWorkerSchema>;

export const FromPeerWorkerSchema = z.discriminatedUnion('t', [
  /** Foreign records' effects were written: the core refreshes what shows presence and signs out staff touched. */
  z.object({ t: z.literal('applied'), kinds: z.array(PeerKindSchema).max(64), children: z.array(Id).max(10_000), staff: z.array(Id).max(10_000) }),
  z.object({ t: z.literal('status'), status: PeerStatusSchema }),
  /** One ask's Result, checked by the host against its op's schema (PeerAnswerSchemas). */
  z.object({ t: z.literal('answer'), id: AskId, result: z.unknown() }),
  z.object({ t: z.literal('log'), line: z.string().max(4000) }),
  /** This machine joined a group: its PIN pepper is the group's from now on; the host stores it (staff/pin-pepper.ts). */
  z.object({ t: z.literal('pepper'), pepper: b64u(32) }),
  z.object({ t: z.literal('stopped') }),
]);
export type FromPeerWorker = z.infer<typeof FromPeerWorkerSchema>;
