// What the console shows and asks of the kindergarten's computers as peers (docs/peers.md §3, §8 "Computers"): the
// status the peer worker reports, and the shapes of opening a code and joining. Shared, so the core, the kiosk API
// and the Computers page read one list.
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { MachineRoleSchema, PeerAddress } from './peer-record.js';

export const PeerMemberViewSchema = z.object({
  deviceId: Id,
  name: z.string().max(200),
  role: MachineRoleSchema,
  /** This computer itself (listed first). */
  self: z.boolean(),
  revoked: z.boolean(),
  /** The address this computer dials it at: typed by an admin, told in a handshake or a `have`, or heard in a beacon. */
  address: PeerAddress.nullable(),
  connected: z.boolean(),
  /** When a session with it last carried a message (ms since the epoch); null: never. */
  lastSeenMs: z.number().int().nonnegative().nullable(),
  /** How far this computer holds that member's log (its `have` for the member). */
  heldSeq: z.number().int().nonnegative(),
  /** Records of a removed member after its cut that this computer holds (listed as "kept after removal"). */
  keptAfterRemoval: z.number().int().nonnegative(),
});
export type PeerMemberView = z.infer<typeof PeerMemberViewSchema>;

export const PeerStatusSchema = z.object({
  /** The kindergarten's peer group; null until this computer opened its first code or joined. */
  groupId: z.string().nullable(),
  /** Where the peer port listens; null while it does not (no member and no code open). */
  listening: z.object({ port: z.number().int().min(1).max(65535), addresses: z.array(PeerAddress).max(8) }).nullable(),
  /** The open pairing code's end (the code itself is shown only to the admin who opened it). */
  pairingOpenUntilMs: z.number().int().nonnegative().nullable(),
  members: z.array(PeerMemberViewSchema).max(64),
  /** Records taken in whose effect has waited more than ten minutes for what they name. */
  waitingLong: z.number().int().nonnegative(),
  /** Forks seen (a member's row at a held seq with another hash): a standing alert until a person looks. */
  forks: z.number().int().nonnegative(),
});
export type PeerStatus = z.infer<typeof PeerStatusSchema>;

/** A code opened on *Computers → Add a computer*: shown once, with where this computer listens. */
export const PairingOpenedSchema = z.object({
  code: z.string().min(12).max(20),
  expiresMs: z.number().int().nonnegative(),
  addresses: z.array(PeerAddress).max(8),
});
export type PairingOpened = z.infer<typeof PairingOpenedSchema>;

/** What the joining computer's admin types: the sponsor's address and code, and this computer's name. */
export const PeerJoinRequestSchema = z.object({
  address: z.string().min(1).max(300),
  code: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(100),
});
export type PeerJoinRequest = z.infer<typeof PeerJoinRequestSchema>;

/** What joining came to: the kindergarten and the group this computer now belongs to. */
export const PeerJoinedSchema = z.object({
  groupId: z.string(),
  kindergarten: z.object({ id: Id, name: z.string().max(200) }),
  sponsor: z.object({ deviceId: Id, name: z.string().max(200) }),
  members: z.number().int().nonnegative(),
});
export type PeerJoined = z.infer<typeof PeerJoinedSchema>;
