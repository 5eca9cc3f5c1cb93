// What the core asks of the peer link (docs/peers.md §3, §5): the one seam between the desks that serve the console
// (Computers, the join step) and the peer worker that holds the sockets, the open code and the sessions. The worker
// runs in its own thread, so every answer is a promise; a link that is not running answers PEER_LINK_OFF.
import type { Result } from '../../../shared/api/result.js';
import type { MachineRole } from '../../../shared/peers/peer-record.js';
import type { PairingOpened, PeerJoined, PeerJoinRequest, PeerStatus } from '../../../shared/peers/peer-status.js';
import type { StickRead } from '../../../shared/peers/stick-contract.js';

/** The admin who acts, named in the records and the audit. */
export interface PeerActor {
  staffId: string;
}

/** When an act on a stick happens, in the kindergarten's zone (the file's name, the header, the audit row). */
export interface StickMoment {
  ms: number;
  offsetMinutes: number;
}

/** A stick written: where, its id, how many records, and the computers it is sealed for. */
export interface StickFile {
  path: string;
  bundleId: string;
  records: number;
  recipients: string[];
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
  /**
   * Writes a stick into `folder` for the members named (null: every current member but this one), by the peer
   * worker, which holds the log and the device key (docs/peers.md §5 "Threads", §8). INVALID_REQUEST: no group, or
   * nobody to write for; SAVE_FAILED: the folder refused the file.
   */
  bundleWrite(input: { folder: string; for: string[] | null; at: StickMoment }, by: PeerActor): Promise<Result<StickFile>>;
  /** Reads the stick at `path`: checked whole before anything is written, then taken in or refused with its reason. */
  bundleRead(input: { path: string; at: StickMoment }, by: PeerActor): Promise<Result<StickRead>>;
}
