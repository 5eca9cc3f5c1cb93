// The peer protocol, version 1: every message machines of one kindergarten send each other, as zod schemas
// (prose and byte layouts: docs/peer-protocol.md; a test parses every example there). Handshake and pairing messages
// travel as text before the keys exist; everything else only inside the encrypted channel or a sealed USB bundle.
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { RosterSnapshotSchema } from '../sync/protocol.js';
import { b64u, HaveVectorSchema, Hlc, MemberBodySchema, PeerAddresses, PeerRecordSchema, SignedHeadSchema, Uuid } from './peer-record.js';

export const PEER_PROTOCOL_VERSION = 1;
export const PEER_PATHS = { session: '/esik-peer/1', pair: '/esik-peer/1/pair' } as const;
export const DEFAULT_PEER_PORT = 47620;
export const BEACON_PORT = 47621;
/** Largest frame either side reads. */
export const MAX_PEER_FRAME_BYTES = 4 * 1024 * 1024;
/** Largest text frame before the handshake is done. */
export const MAX_HANDSHAKE_FRAME_BYTES = 4 * 1024;
/** Records in one page of a pull; a `new` carries far fewer (a tap is 1–3). */
export const MAX_PULL_RECORDS = 1000;
export const MAX_NEW_BYTES = 64 * 1024;

/** Close codes of the peer WebSocket (docs/peer-protocol.md §Session handshake). */
export const PEER_CLOSE = {
  PEER_VERSION: 4001,
  PEER_BAD_FRAME: 4002,
  PEER_OTHER_GROUP: 4003,
  PEER_UNKNOWN: 4004,
  PEER_REVOKED: 4005,
  PEER_BAD_SIGNATURE: 4006,
} as const;

// ---- session handshake (SIGMA-I), text frames
export const HelloInitSchema = z.object({ t: z.literal('hello'), v: z.number().int(), eph: b64u(32), nonce: b64u(16) });
export const HelloReplySchema = HelloInitSchema.extend({ box: z.string().min(1).max(4096) });
export const AuthSchema = z.object({ t: z.literal('auth'), box: z.string().min(1).max(4096) });
/** Sealed inside the handshake boxes. */
export const IdentSchema = z.object({ deviceId: Id, groupId: Uuid, sig: b64u(64), addrs: PeerAddresses });
export type Ident = z.infer<typeof IdentSchema>;

// ---- pairing, text frames then sealed
export const PairHelloSchema = z.object({ t: z.literal('pair-hello'), v: z.number().int(), eph: b64u(32), nonce: b64u(16) });
export const PairProofSchema = z.object({ t: z.literal('pair-proof'), mac: b64u(32) });
export const PairRefusedCodeSchema = z.enum(['PAIR_CODE_WRONG', 'PAIR_CODE_EXPIRED', 'PAIR_CODE_USED', 'PAIR_NO_CODE']);
export type PairRefusedCode = z.infer<typeof PairRefusedCodeSchema>;
export const PairRefusedSchema = z.object({ t: z.literal('pair-refused'), code: PairRefusedCodeSchema });
/** The joiner says who it is: what its `member` record will hold, signed over the exchange. */
export const PairJoinSchema = MemberBodySchema.pick({ deviceId: true, name: true, role: true, signPub: true, dhPub: true, qrKeyId: true, qrPub: true, addrs: true }).extend({
  t: z.literal('pair-join'),
  sig: b64u(64),
  records: z.object({ own: z.number().int().nonnegative() }),
});
export type PairJoin = z.infer<typeof PairJoinSchema>;
export const PairWelcomeSchema = z.object({
  t: z.literal('pair-welcome'),
  groupId: Uuid,
  kindergarten: z.object({ id: Id, name: z.string().max(200) }),
  sponsor: z.object({ deviceId: Id, signPub: b64u(32), sig: b64u(64) }),
  pepper: b64u(32),
  city: z.object({ url: z.string().max(500), kindergartenId: Id }).nullable(),
  memberRecords: z.array(PeerRecordSchema).max(64),
});
export type PairWelcome = z.infer<typeof PairWelcomeSchema>;

// ---- session messages, inside the channel
const RequestId = z.number().int().nonnegative();
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const HaveSchema = z.object({ t: z.literal('have'), vector: HaveVectorSchema, hlc: Hlc, addrs: PeerAddresses });
export const PullSchema = z.object({ t: z.literal('pull'), id: RequestId, after: HaveVectorSchema, limit: z.number().int().min(1).max(MAX_PULL_RECORDS) });
export const RecordsSchema = z.object({
  t: z.literal('records'),
  id: RequestId,
  records: z.array(PeerRecordSchema).max(MAX_PULL_RECORDS),
  heads: z.array(SignedHeadSchema).max(64),
  more: z.boolean(),
  archived: z.array(SignedHeadSchema).max(64),
});
export const NewSchema = z.object({ t: z.literal('new'), records: z.array(PeerRecordSchema).max(MAX_PULL_RECORDS), heads: z.array(SignedHeadSchema).max(64) });
export const RosterMessageSchema = z.object({ t: z.literal('roster'), pulledMs: z.number().int().nonnegative(), cursor: z.string().max(200), snapshot: RosterSnapshotSchema });
export const RefusedQuerySchema = z.object({ t: z.literal('refused-query'), id: RequestId, fromDate: LocalDate, toDate: LocalDate });
export const RefusedReplySchema = z.object({ t: z.literal('refused-reply'), id: RequestId, rows: z.array(z.record(z.string(), z.json())).max(1000) });
export const ByeSchema = z.object({ t: z.literal('bye'), code: z.string().max(64) });
export const ReadySchema = z.object({ t: z.literal('ready') });

export const SessionMessageSchema = z.discriminatedUnion('t', [
  ReadySchema,
  HaveSchema,
  PullSchema,
  RecordsSchema,
  NewSchema,
  RosterMessageSchema,
  RefusedQuerySchema,
  RefusedReplySchema,
  ByeSchema,
]);
export type SessionMessage = z.infer<typeof SessionMessageSchema>;

// ---- USB bundle
export const BUNDLE_MAGIC = 'ESIKPEER';
export const BUNDLE_VERSION = 1;
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
export const MAX_BUNDLE_HEADER_BYTES = 64 * 1024;
export const BundleHeaderSchema = z.object({
  bundleId: Uuid,
  groupId: Uuid,
  from: Id,
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?[+-]\d{2}:\d{2}$/),
  hlc: Hlc,
  nonce: b64u(12),
  recipients: z.array(z.object({ deviceId: Id, eph: b64u(32), wrapped: b64u(48) })).min(1).max(16),
  covers: z.record(Id, z.tuple([z.number().int().min(1), z.number().int().min(1)])),
  have: HaveVectorSchema,
});
export type BundleHeader = z.infer<typeof BundleHeaderSchema>;
export const BundleLineSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('record'), record: PeerRecordSchema }),
  z.object({ t: z.literal('head'), head: SignedHeadSchema }),
  // An origin's archived head (docs/peers.md §5 "Archived years"), only beside link-only rows of that origin: a stick
  // without such rows has no such line, so a reader that predates it still reads every stick it could read before.
  z.object({ t: z.literal('archived'), head: SignedHeadSchema }),
  RosterMessageSchema,
]);
export type BundleLine = z.infer<typeof BundleLineSchema>;

// ---- beacon
export const BEACON_MAGIC = 'ESIKB1';
export const BEACON_BYTES = 16;
