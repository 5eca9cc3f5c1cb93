// The console's *Computers* page and the first run's *Join a kindergarten that already has Esik* (docs/peers.md §3,
// §4): what the screens may ask the core about the kindergarten's computers as peers. The core's desk checks who asks
// (electron/core/computers/) and hands the act to the peer link (electron/core/peers/peer-control.ts).
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { JOIN_DEACTIVATE_MAX, JoinAccountsSchema } from './join-accounts.js';
import { PinSchema } from '../staff/staff-domain.js';
import { PEER_REFUSALS_SHOWN, PeerRefusalViewSchema } from './peer-refusal-view.js';
import { PairingOpenedSchema, PeerJoinedSchema, PeerJoinRequestSchema, PeerStatusSchema } from './peer-status.js';
import { stickRequests } from './stick-contract.js';

const Session = { sessionId: z.string().uuid() };
/** Before the first admin exists the setup needs no session; after, only an admin's (the core checks which applies). */
const MaybeSession = { sessionId: z.string().uuid().optional() };
const Count = z.number().int().nonnegative();
/** An address as typed: the core reads it (shared/peers/peer-address-input.ts), INVALID_REQUEST for no address. */
const TypedAddress = z.string().trim().min(1).max(300);

/** The PIN asked again: the act done, or the PIN check's outcome (nothing done; a wrong one counts as at a sign-in). */
const pinRefusals = [
  z.object({ outcome: z.literal('wrong-pin'), attemptsLeft: Count }),
  z.object({ outcome: z.literal('locked'), until: z.string().max(32) }),
] as const;

export const PairingOpenOutcomeSchema = z.lazy(() =>
  z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('opened'), opened: PairingOpenedSchema }), ...pinRefusals]),
);
export type PairingOpenOutcome = z.infer<typeof PairingOpenOutcomeSchema>;

export const PeerRevokeOutcomeSchema = z.lazy(() => z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('revoked') }), ...pinRefusals]));
export type PeerRevokeOutcome = z.infer<typeof PeerRevokeOutcomeSchema>;

/** The console's join (peerJoin): joined, or the PIN check's outcome (nothing dialled, no PIN voided). */
export const PeerJoinOutcomeSchema = z.lazy(() =>
  z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('joined'), joined: PeerJoinedSchema }), ...pinRefusals]),
);
export type PeerJoinOutcome = z.infer<typeof PeerJoinOutcomeSchema>;

const Empty = z.lazy(() => z.object({}).strict());

/** The link's status, and the refusals this computer's link wrote, newest first (the desk reads them from the file). */
export const PeersStatusSchema = z.lazy(() =>
  PeerStatusSchema.extend({
    refusals: z.array(PeerRefusalViewSchema).max(PEER_REFUSALS_SHOWN),
    /** This computer may join another's kindergarten now: it belongs to no group and is not the kiosk's own demo. */
    joinable: z.boolean(),
  }),
);
export type PeersStatus = z.infer<typeof PeersStatusSchema>;

export const peersRequests = {
  /** This computer and every member with its role, address, link and last sight, and the recent refusals (PEER_LINK_OFF: the link does not run). */
  peersStatus: { args: z.lazy(() => z.object(Session).strict()), result: PeersStatusSchema },
  /** *Add a computer*: the admin's PIN again, then a one-time code (10 minutes, one pairing, three tries). */
  peerPairingOpen: { args: z.lazy(() => z.object({ ...Session, pin: PinSchema }).strict()), result: PairingOpenOutcomeSchema },
  /** The code shown is closed before its time (the page's Close). */
  peerPairingClose: { args: z.lazy(() => z.object(Session).strict()), result: Empty },
  /** *Remove*: the admin's PIN again and a reason; the member's records after what this computer holds are refused. */
  peerRevoke: {
    args: z.lazy(() => z.object({ ...Session, pin: PinSchema, deviceId: Id, reason: z.string().trim().min(1).max(500) }).strict()),
    result: PeerRevokeOutcomeSchema,
  },
  /** An address typed by hand for a member (host or IPv4, the port optional): the next dial uses it. */
  peerAddressSet: { args: z.lazy(() => z.object({ ...Session, deviceId: Id, address: TypedAddress }).strict()), result: Empty },
  /**
   * The first run's *Join a kindergarten that already has Esik*: the sponsor's address and code, this computer's name.
   * Only while the first run is not finished (STAFF_FORBIDDEN after, as setupSetRole: in service it is peerJoin, with
   * the admin's PIN again); the role chosen goes with it.
   */
  setupPeerJoin: { args: z.lazy(() => PeerJoinRequestSchema.extend(MaybeSession).strict()), result: PeerJoinedSchema },
  /**
   * A computer in service that belongs to no group joins the kindergarten's others from its Computers page (docs/peers.md
   * §9 "Joining with history"): the admin's PIN again, as the page's other weighty acts, then the join as the first run's.
   */
  peerJoin: { args: z.lazy(() => PeerJoinRequestSchema.extend({ ...Session, pin: PinSchema }).strict()), result: PeerJoinOutcomeSchema },
  /** Joined with accounts of its own: those made only here, still active, each with whether the group has its name. */
  peerJoinAccounts: { args: z.lazy(() => z.object(Session).strict()), result: JoinAccountsSchema },
  /** The ones chosen among them are deactivated, as staff records that travel (another id: INVALID_REQUEST, nothing done). */
  peerJoinDeactivate: {
    args: z.lazy(() => z.object({ ...Session, staffIds: z.array(Id).min(1).max(JOIN_DEACTIVATE_MAX) }).strict()),
    result: z.lazy(() => z.object({ deactivated: Count })),
  },
  /** The USB stick and the relay (shared/peers/stick-contract.ts). */
  ...stickRequests,
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type PeersRequestName = keyof typeof peersRequests;
