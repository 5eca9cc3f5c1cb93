// The open sessions of this machine: after each commit of own records the core asks for them to be announced, and
// every open session sends them as one `new` (docs/peers.md §5 "Pulling and being told").
import type { PeerRecord } from '../../../shared/peers/peer-record.js';
import { headsOf, type PeerSession, type SessionLog } from './peer-session.js';
import { PAIR_DUPLICATE_CLOSE, pairDrops } from './session-pair.js';

export class PeerSessions {
  private readonly open = new Set<PeerSession>();

  constructor(
    private readonly log: SessionLog & { deviceId: string },
    /** At most this many own records in one `new`; a longer run goes as a `have` the peers pull from. */
    private readonly maxNew = 64,
  ) {}

  /**
   * A session whose channel is ready. One per pair: with another live session to the same peer, one of the two is closed
   * (session-pair.ts). False when it is the new one: it is closed and not added.
   */
  add(session: PeerSession): boolean {
    for (const live of [...this.open]) {
      if (!live.isOpen || live.peerDeviceId !== session.peerDeviceId) continue;
      if (pairDrops(this.log.deviceId, session.peerDeviceId, live, session) === 'incoming') {
        session.close(PAIR_DUPLICATE_CLOSE, 'one session per pair');
        return false;
      }
      live.close(PAIR_DUPLICATE_CLOSE, 'one session per pair');
      this.open.delete(live);
    }
    this.open.add(session);
    return true;
  }

  remove(session: PeerSession): void {
    this.open.delete(session);
  }

  get size(): number {
    return this.open.size;
  }

  /** Own records from `fromSeq` on (the commit's first row) to every open session. */
  announce(fromSeq: number): void {
    if (this.open.size === 0) return;
    const after = { ...this.log.haveVector(), [this.log.deviceId]: Math.max(0, fromSeq - 1) };
    const records: PeerRecord[] = this.log.page(after, this.maxNew + 1).filter((r) => r.deviceId === this.log.deviceId);
    const heads = headsOf(this.log, records);
    for (const session of this.open) if (session.isOpen) session.announce(records, heads);
  }
}
