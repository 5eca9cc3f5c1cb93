// What the core asks of the peer link (docs/peers.md §3, §5): the one seam between the desks that serve the console
// (Computers, the join step) and the peer worker that holds the sockets, the open code and the sessions. The worker
// runs in its own thread, so every answer is a promise; a link that is not running answers PEER_LINK_OFF.
import type { Result } from '../../../shared/api/result.js';
import type { MachineRole } from '../../../shared/peers/peer-record.js';
import type { PairingOpened, PeerJoined, PeerJoinRequest, PeerStatus } from '../../../shared/peers/peer-status.js';

/** The admin who acts, named in the records and the audit. */
export interface PeerActor {
  staffId: string;
}

export interface PeerControl {
  status(): Promise<Result<PeerStatus>>;
  /** Opens a one-time code (10 minutes, one pairing, 3 tries), making the group if this is its first computer. */
  openPairing(by: PeerActor): Promise<Result<PairingOpened>>;
  closePairing(): Promise<Result<null>>;
  /** Joins the kindergarten whose computer shows the code; refused with PEER_ALREADY_IN_GROUP if this one belongs. */
  join(request: PeerJoinRequest & { role: MachineRole }, by: PeerActor | null): Promise<Result<PeerJoined>>;
  /** Appends `member-revoked` with the cut at what this computer holds of that member (INVALID_REQUEST: no such member, or itself). */
  revoke(deviceId: string, reason: string, by: PeerActor): Promise<Result<null>>;
  /** An address typed by hand for a member; the next dial uses it. */
  setAddress(deviceId: string, address: string, by: PeerActor): Promise<Result<null>>;
}
