// A PeerControl that answers as the peer link would, for the desk's tests: it keeps every call it was asked, answers
// from what the test sets, and opens a code shaped as the real one (12 Crockford characters in groups of four).
import { fail, ok, type Result } from '../../../../shared/api/result.js';
import type { MachineRole } from '../../../../shared/peers/peer-record.js';
import type { PairingOpened, PeerJoined, PeerJoinRequest, PeerStatus } from '../../../../shared/peers/peer-status.js';
import type { StickRead } from '../../../../shared/peers/stick-contract.js';
import type { PeerActor, PeerControl, StickFile, StickMoment } from '../../peers/peer-control.js';

export type PeerCall =
  | { call: 'openPairing'; by: PeerActor }
  | { call: 'closePairing' }
  | { call: 'join'; request: PeerJoinRequest & { role: MachineRole }; by: PeerActor | null }
  | { call: 'revoke'; deviceId: string; reason: string; by: PeerActor }
  | { call: 'setAddress'; deviceId: string; address: string; by: PeerActor }
  | { call: 'bundleWrite'; folder: string; for: string[] | null; at: StickMoment; by: PeerActor }
  | { call: 'bundleRead'; path: string; at: StickMoment; by: PeerActor };

export const STAND_IN_DEVICE = '0193a0a0-0000-7000-8000-00000000d001';
export const STAND_IN_MEMBER = '0193a0a0-0000-7000-8000-00000000d002';

export class StandInPeerControl implements PeerControl {
  readonly calls: PeerCall[] = [];
  current: PeerStatus = {
    groupId: null,
    listening: null,
    pairingOpenUntilMs: null,
    members: [
      { deviceId: STAND_IN_DEVICE, name: 'Office', role: 'office', self: true, revoked: false, address: null, connected: false, lastSeenMs: null, heldSeq: 0, keptAfterRemoval: 0 },
    ],
    waitingLong: 0,
    forks: 0,
  };
  /** What join answers: the kindergarten joined, or a refusal. */
  joinAnswer: Result<PeerJoined> = ok({
    groupId: '0193a0a0-0000-7000-8000-00000000a001',
    kindergarten: { id: '0193a0a0-0000-7000-8000-00000000b001', name: 'Балабақша «Күншуақ»' },
    sponsor: { deviceId: STAND_IN_MEMBER, name: 'Door 1' },
    members: 2,
  });
  revokeAnswer: Result<null> = ok(null);
  /** What the stick acts answer: none set, the link says it reads no stick. */
  bundleWriteAnswer: Result<StickFile> = fail('PEER_LINK_OFF', 'the stand-in writes no stick');
  bundleReadAnswer: Result<StickRead> = fail('PEER_LINK_OFF', 'the stand-in reads no stick');

  constructor(private readonly nowMs: () => number) {}

  status(): Promise<Result<PeerStatus>> {
    return Promise.resolve(ok(this.current));
  }

  openPairing(by: PeerActor): Promise<Result<PairingOpened>> {
    this.calls.push({ call: 'openPairing', by });
    const expiresMs = this.nowMs() + 10 * 60_000;
    this.current = { ...this.current, pairingOpenUntilMs: expiresMs, listening: { port: 47620, addresses: ['192.168.1.23:47620'] } };
    return Promise.resolve(ok({ code: '7KQ4M2XD9RTB', expiresMs, addresses: ['192.168.1.23:47620'] }));
  }

  closePairing(): Promise<Result<null>> {
    this.calls.push({ call: 'closePairing' });
    this.current = { ...this.current, pairingOpenUntilMs: null };
    return Promise.resolve(ok(null));
  }

  join(request: PeerJoinRequest & { role: MachineRole }, by: PeerActor | null): Promise<Result<PeerJoined>> {
    this.calls.push({ call: 'join', request, by });
    return Promise.resolve(this.joinAnswer);
  }

  revoke(deviceId: string, reason: string, by: PeerActor): Promise<Result<null>> {
    this.calls.push({ call: 'revoke', deviceId, reason, by });
    if (!this.current.members.some((m) => m.deviceId === deviceId && !m.self)) return Promise.resolve(fail('INVALID_REQUEST', 'no such member'));
    return Promise.resolve(this.revokeAnswer);
  }

  setAddress(deviceId: string, address: string, by: PeerActor): Promise<Result<null>> {
    this.calls.push({ call: 'setAddress', deviceId, address, by });
    return Promise.resolve(ok(null));
  }

  bundleWrite(input: { folder: string; for: string[] | null; at: StickMoment }, by: PeerActor): Promise<Result<StickFile>> {
    this.calls.push({ call: 'bundleWrite', ...input, by });
    return Promise.resolve(this.bundleWriteAnswer);
  }

  bundleRead(input: { path: string; at: StickMoment }, by: PeerActor): Promise<Result<StickRead>> {
    this.calls.push({ call: 'bundleRead', ...input, by });
    return Promise.resolve(this.bundleReadAnswer);
  }
}
